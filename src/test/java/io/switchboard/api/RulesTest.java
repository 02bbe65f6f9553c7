package io.switchboard.api;

import static io.switchboard.api.FieldRules.maxLength;
import static io.switchboard.api.FieldRules.oneOf;
import static io.switchboard.api.Rule.each;
import static io.switchboard.api.Rule.ifNotNull;
import static io.switchboard.api.Rule.ifPresent;
import static io.switchboard.api.Rule.inTurn;
import static io.switchboard.api.Rule.must;
import static io.switchboard.api.Rule.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {

    enum Kind { PICKUP, DELIVERY }

    record Item(String sku, String note) {
    }

    record Order(String kind, String name, String address, Boolean gift, List<Item> items) {
    }

    record Place(Double latitude, Double longitude) {
    }

    /** As v5 words a refusal: the field's name in quotes, a condition before it. */
    private static final Voice QUOTING = (path, words, condition) ->
            (condition == null ? "" : "When " + condition + ", ") + "'" + path.leaf() + "' " + words;

    private static final Order VALID = new Order("DELIVERY", "Ada", "1 Main St", false,
            List.of(new Item("A-1", null)));

    private final Rules<Order> rules = Rules.of(Order.class)
            .field("kind", Order::kind, required(oneOf(Kind.values())))
            .field("name", Order::name, required(maxLength(3), must(name -> name.startsWith("A"), "must start with A")))
            .when(order -> "DELIVERY".equals(order.kind()), "kind is DELIVERY",
                    Rule.field("address", Order::address, required()))
            .field("items", Order::items, each(required(Rules.of(Item.class)
                    .field("sku", Item::sku, required())
                    .field("note", Item::note, ifPresent(maxLength(5))))));

    @Test
    void shouldAcceptWhatBreaksNoRule() {
        assertThatCode(() -> rules.validate(VALID)).doesNotThrowAnyException();
    }

    @Test
    void shouldReportEveryProblemInTheOrderOfTheTable() {
        Order order = new Order("BOAT", null, null, null, Arrays.asList(new Item(" ", "far too long"), null));

        assertThat(errors(rules, order)).containsExactly(
                "kind must be one of PICKUP, DELIVERY",
                "name is required",
                "items.0.sku is required",
                "items.0.note must be at most 5 characters",
                "items.1 is required");
    }

    @Test
    void shouldStopAFieldsRulesAtTheFirstRefusal() {
        Order tooLong = new Order("PICKUP", "Bob Smith", null, null, null);
        Order wrongStart = new Order("PICKUP", "Bob", null, null, null);

        assertThat(errors(rules, tooLong)).containsExactly("name must be at most 3 characters");
        assertThat(errors(rules, wrongStart)).containsExactly("name must start with A");
    }

    @Test
    void shouldCheckTheRowsOfAConditionOnlyWhereItHoldsAndSayWhy() {
        Order pickup = new Order("PICKUP", "Ada", null, null, null);
        Order delivery = new Order("DELIVERY", "Ada", " ", null, null);

        assertThatCode(() -> rules.validate(pickup)).doesNotThrowAnyException();
        assertThat(errors(rules, delivery)).containsExactly("address is required when kind is DELIVERY");
        assertThat(messages(rules, delivery)).containsExactly("When kind is DELIVERY, 'address' is required");
    }

    @Test
    void shouldWordEveryRefusalInTheVoiceGiven() {
        Order order = new Order(null, "Zed", "x", null, null);

        assertThat(messages(rules, order)).containsExactly("'kind' is required", "'name' must start with A");
    }

    @Test
    void shouldRequireOnlyWhereRequiredWhenHoldsAndStillCheckWhatIsThere() {
        Rules<Order> gift = Rules.of(Order.class)
                .field("gift", Order::gift, required())
                .requiredWhen(order -> Boolean.TRUE.equals(order.gift()), "gift is true",
                        Rule.field("address", Order::address, required(maxLength(4))));

        assertThat(messages(gift, new Order(null, null, null, true, null)))
                .containsExactly("When gift is true, 'address' is required");
        assertThat(messages(gift, new Order(null, null, null, false, null))).isEmpty();
        assertThat(messages(gift, new Order(null, null, "1 Main St", false, null)))
                .containsExactly("'address' must be at most 4 characters");
    }

    @Test
    void shouldCheckNoRowAfterARefusedPrecondition() {
        Rules<Order> oneOf = Rules.of(Order.class)
                .field("kind", Order::kind, required())
                .precondition(order -> Checks.isExactlyOneGiven(order.name(), order.address()),
                        "must have exactly one of name and address")
                .field("name", Order::name, ifPresent(maxLength(1)));

        assertThat(errors(oneOf, new Order(null, "Ada", "1 Main St", null, null)))
                .containsExactly("kind is required", "must have exactly one of name and address");
        assertThat(errors(oneOf, new Order("PICKUP", "Ada", null, null, null)))
                .containsExactly("name must be at most 1 characters");
    }

    @Test
    void shouldTellNullFromBlankOnlyWhereAskedTo() {
        Rule<String> letters = must(text -> text.chars().allMatch(Character::isLetter), "must be letters");
        Rules<Item> present = Rules.of(Item.class).field("note", Item::note, ifPresent(letters));
        Rules<Item> notNull = Rules.of(Item.class).field("note", Item::note, ifNotNull(letters));

        assertThat(errors(present, new Item(null, " "))).isEmpty();
        assertThat(errors(notNull, new Item(null, null))).isEmpty();
        assertThat(errors(notNull, new Item(null, " "))).containsExactly("note must be letters");
    }

    @Test
    void shouldReportACheckAcrossFieldsAtTheFieldItNames() {
        Rules<Order> either = Rules.of(Order.class)
                .check("address", order -> order.name() != null || order.address() != null, "is required (or name)");

        assertThat(errors(either, new Order(null, null, null, null, null)))
                .containsExactly("address is required (or name)");
    }

    @Test
    void shouldCheckAViewOfTheValueAtItsOwnPath() {
        Rule<Order> firstItem = Rule.via(order -> order.items().get(0),
                Rule.field("sku", Item::sku, must(sku -> sku.startsWith("B"), "must start with B")));

        assertThat(errors(Rules.of(Order.class).rule(firstItem), VALID))
                .containsExactly("sku must start with B");
    }

    @Test
    void shouldThrowOneRefusalWithEveryProblem() {
        Order order = new Order(null, null, null, null, null);

        assertThatThrownBy(() -> rules.validate(order))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getErrors()).hasSize(2))
                .hasMessage("The request has 2 invalid fields.");
    }

    @Test
    void shouldWordTheSharedFieldRulesAlike() {
        Rules<Order> shared = Rules.of(Order.class)
                .field("name", Order::name, inTurn(maxLength(2), FieldRules.e164("+14155550100")))
                .field("address", Order::address, FieldRules.httpUrl())
                .field("items", Order::items, FieldRules.sized(2, 3, "items"));

        assertThat(errors(shared, new Order(null, "\uD83D\uDCE3\uD83D\uDCE3", "ftp://x", null, null)))
                .containsExactly("name must be an E.164 phone number such as +14155550100",
                        "address must be an http or https URL", "items must have 2 to 3 items");
    }

    @Test
    void shouldCountAMissingListAsEmpty() {
        Rules<Order> items = Rules.of(Order.class)
                .field("items", Order::items, FieldRules.atMost(0, "items"))
                .field("items", Order::items, FieldRules.notEmpty("item"));

        assertThat(errors(items, new Order(null, null, null, null, null)))
                .containsExactly("items must have at least 1 item");
    }

    @Test
    void shouldRefuseAMissingCoordinateAsOutOfRange() {
        Rules<Place> coordinates = Rules.of(Place.class)
                .field("latitude", Place::latitude, FieldRules.LATITUDE)
                .field("longitude", Place::longitude, FieldRules.LONGITUDE);

        assertThat(errors(coordinates, new Place(null, -180.5))).containsExactly(
                "latitude must be a number between -90 and 90", "longitude must be a number between -180 and 180");
        assertThat(errors(coordinates, new Place(90.0, 180.0))).isEmpty();
    }

    /** Each refusal as its path and its plain words. */
    private static <T> List<String> errors(Rules<T> rules, T value) {
        return refused(rules, value, Voice.PLAIN).stream().map(error -> error.path().segments().isEmpty()
                ? error.message() : error.path().dotted() + " " + error.message()).toList();
    }

    /** Each refusal's message in the quoting voice, which names the field itself. */
    private static <T> List<String> messages(Rules<T> rules, T value) {
        return refused(rules, value, QUOTING).stream().map(FieldError::message).toList();
    }

    private static <T> List<FieldError> refused(Rules<T> rules, T value, Voice voice) {
        try {
            rules.validate(value, voice);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.getErrors();
        }
    }
}
