package io.switchboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A dialect's rules for one kind of object, as a table read top to bottom: each row a field and its rule, a check of
 * the object itself, or a block that applies only under a condition. Every row runs, so a client learns every
 * problem from one response, in the order of the table, which is the order the dialect reports them in.
 *
 * <p>A table is built once and never changes: each row returns a new table, so a shared table can be extended.
 */
public final class Rules<T> implements Rule<T> {

    private final List<Row<T>> rows;

    private Rules(List<Row<T>> rows) {
        this.rows = List.copyOf(rows);
    }

    /** An empty table of rules for {@code type}. */
    public static <T> Rules<T> of(Class<T> type) {
        return new Rules<>(List.of());
    }

    /** The field {@code name}, read by {@code value}, checked by {@code rule}. */
    public <V> Rules<T> field(String name, Function<? super T, ? extends V> value, Rule<? super V> rule) {
        return rule(Rule.field(name, value, rule));
    }

    /** Refuses the object itself, in {@code words}, when it is not {@code ok}. */
    public Rules<T> check(Predicate<? super T> ok, String words) {
        return rule(Rule.must(ok, words));
    }

    /** Refuses the field {@code name}, in {@code words}, when the object is not {@code ok}: a rule across fields. */
    public Rules<T> check(String name, Predicate<? super T> ok, String words) {
        return rule(Rule.at(name, Rule.must(ok, words)));
    }

    /**
     * Refuses the object itself when it is not {@code ok}, and then checks none of the rows after this one: they
     * would only repeat the problem ("exactly one of reply or action", then the fields of both).
     */
    public Rules<T> precondition(Predicate<? super T> ok, String words) {
        return add(new Row<>(Rule.must(ok, words), true));
    }

    public Rules<T> rule(Rule<? super T> rule) {
        return add(new Row<>(rule, false));
    }

    /** {@code rule} only where {@code applies}, such as the fields of one message type. */
    public Rules<T> when(Predicate<? super T> applies, Rule<? super T> rule) {
        return rule(Rule.when(applies, rule));
    }

    /**
     * {@code rule} only where {@code applies}; a field it requires is refused in words that give {@code condition}
     * ({@code When choice type is OPEN_URL, 'url' is required}).
     */
    public Rules<T> when(Predicate<? super T> applies, String condition, Rule<? super T> rule) {
        return rule((value, path, findings) -> !applies.test(value)
                || rule.check(value, path, findings.requiredBecause(condition)));
    }

    /**
     * {@code rule} everywhere, but the fields it requires are required only where {@code applies}; elsewhere they are
     * checked when present and may be missing.
     */
    public Rules<T> requiredWhen(Predicate<? super T> applies, Rule<? super T> rule) {
        return requiredWhen(applies, null, rule);
    }

    /** As {@link #requiredWhen(Predicate, Rule)}, a missing field refused in words that give {@code condition}. */
    public Rules<T> requiredWhen(Predicate<? super T> applies, String condition, Rule<? super T> rule) {
        return rule((value, path, findings) -> rule.check(value, path,
                applies.test(value) ? findings.requiredBecause(condition) : findings.optional()));
    }

    /** Throws {@link InvalidRequestException} with every problem found, each worded plainly. */
    public void validate(T value) {
        validate(value, Voice.PLAIN);
    }

    /** Throws {@link InvalidRequestException} with every problem found, each worded in {@code voice}. */
    public void validate(T value, Voice voice) {
        Findings findings = new Findings(voice);
        check(value, FieldPath.root(), findings);
        findings.throwIfAny();
    }

    @Override
    public boolean check(T value, FieldPath path, Findings findings) {
        int before = findings.count();
        for (Row<T> row : rows) {
            if (!row.rule().check(value, path, findings) && row.stopsOnRefusal()) {
                break;
            }
        }
        return findings.count() == before;
    }

    private Rules<T> add(Row<T> row) {
        List<Row<T>> longer = new ArrayList<>(rows);
        longer.add(row);
        return new Rules<>(longer);
    }

    private record Row<T>(Rule<? super T> rule, boolean stopsOnRefusal) {
    }
}
