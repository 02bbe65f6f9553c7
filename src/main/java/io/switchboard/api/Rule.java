package io.switchboard.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One rule of a request body: it checks the value found at a path and reports what is wrong with it. Rules compose
 * into a dialect's table ({@link Rules}); the single-field rules every dialect shares are in {@link FieldRules}.
 *
 * <p>A missing value is null or a blank string. Rules that check a value only when it is there say which of the two
 * they skip: {@link #required} and {@link #ifPresent} treat both as missing, {@link #ifNotNull} only null, because
 * some dialects refuse {@code ""} in the words of the rule it breaks rather than as missing.
 */
@FunctionalInterface
public interface Rule<T> {

    /**
     * Reports to {@code findings} what is wrong with {@code value}, the field at {@code path}; true when nothing was
     * refused and the value is there, so that a rule after it in turn may look at it.
     */
    boolean check(T value, FieldPath path, Findings findings);

    /** Refuses, in {@code words}, a value that is not {@code ok}; {@code ok} is also asked about null. */
    static <T> Rule<T> must(Predicate<? super T> ok, String words) {
        return (value, path, findings) -> {
            if (ok.test(value)) {
                return true;
            }
            findings.refuse(path, words);
            return false;
        };
    }

    /** A rule whose words depend on the value: {@code refusal} gives them, or null when the value passes. */
    static <T> Rule<T> refusal(Function<? super T, String> refusal) {
        return (value, path, findings) -> {
            String words = refusal.apply(value);
            if (words == null) {
                return true;
            }
            findings.refuse(path, words);
            return false;
        };
    }

    /**
     * A missing value is refused as {@code is required}, with the condition it is required under, or passes where
     * it is optional ({@link Rules#requiredWhen}); a value that is there is checked by {@code rules} in turn.
     */
    @SafeVarargs
    static <T> Rule<T> required(Rule<? super T>... rules) {
        Rule<T> inTurn = inTurn(rules);
        return (value, path, findings) -> {
            if (isMissing(value)) {
                findings.missing(path);
                return false;
            }
            return inTurn.check(value, path, findings);
        };
    }

    /** A missing value passes; one that is there is checked by {@code rules} in turn. */
    @SafeVarargs
    static <T> Rule<T> ifPresent(Rule<? super T>... rules) {
        Rule<T> inTurn = inTurn(rules);
        return (value, path, findings) -> !isMissing(value) && inTurn.check(value, path, findings);
    }

    /** Null passes; anything else, a blank string too, is checked by {@code rules} in turn. */
    @SafeVarargs
    static <T> Rule<T> ifNotNull(Rule<? super T>... rules) {
        Rule<T> inTurn = inTurn(rules);
        return (value, path, findings) -> value != null && inTurn.check(value, path, findings);
    }

    /** The rules one after another, up to the first refusal: a value too long is not also checked for its format. */
    @SafeVarargs
    static <T> Rule<T> inTurn(Rule<? super T>... rules) {
        List<Rule<? super T>> all = List.of(rules);
        return (value, path, findings) -> {
            for (Rule<? super T> rule : all) {
                if (!rule.check(value, path, findings)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Every rule, each reporting what it finds. */
    @SafeVarargs
    static <T> Rule<T> all(Rule<? super T>... rules) {
        List<Rule<? super T>> all = List.of(rules);
        return (value, path, findings) -> {
            int before = findings.count();
            for (Rule<? super T> rule : all) {
                rule.check(value, path, findings);
            }
            return findings.count() == before;
        };
    }

    /** Each item of a list, at its index; a missing list has no items. */
    static <E> Rule<List<E>> each(Rule<? super E> item) {
        return (items, path, findings) -> {
            if (items == null) {
                return true;
            }
            int before = findings.count();
            for (int i = 0; i < items.size(); i++) {
                item.check(items.get(i), path.index(i), findings);
            }
            return findings.count() == before;
        };
    }

    /** The field {@code name} of the value, read by {@code value}. */
    static <T, V> Rule<T> field(String name, Function<? super T, ? extends V> value, Rule<? super V> rule) {
        return (parent, path, findings) -> rule.check(value.apply(parent), path.field(name), findings);
    }

    /** {@code rule} on what {@code view} makes of the value, reported at the value's own path. */
    static <T, V> Rule<T> via(Function<? super T, ? extends V> view, Rule<? super V> rule) {
        return (value, path, findings) -> rule.check(view.apply(value), path, findings);
    }

    /** {@code rule} on the value, reported at its field {@code name}: a rule of a field that reads its siblings. */
    static <T> Rule<T> at(String name, Rule<? super T> rule) {
        return (value, path, findings) -> rule.check(value, path.field(name), findings);
    }

    /** {@code rule} only where {@code applies}. */
    static <T> Rule<T> when(Predicate<? super T> applies, Rule<? super T> rule) {
        return (value, path, findings) -> !applies.test(value) || rule.check(value, path, findings);
    }

    private static boolean isMissing(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }
}
