package io.switchboard.api;

/**
 * What the rules found in one request, in its dialect's voice. It also carries whether a missing field is refused
 * where the rules are now, and why: a field can be required only under a condition ("when choice type is
 * OPEN_URL"), and the refusal says so.
 */
public final class Findings {

    private final Violations violations;
    private final Voice voice;
    private final boolean required;
    private final String condition;

    Findings(Voice voice) {
        this(new Violations(), voice, true, null);
    }

    private Findings(Violations violations, Voice voice, boolean required, String condition) {
        this.violations = violations;
        this.voice = voice;
        this.required = required;
        this.condition = condition;
    }

    public void refuse(FieldPath path, String words) {
        violations.add(path, voice.message(path, words, null));
    }

    /** Refuses a missing field if it is required here. */
    void missing(FieldPath path) {
        if (required) {
            violations.add(path, voice.message(path, "is required", condition));
        }
    }

    /** The same findings, where missing fields are required because of {@code condition} (null: no reason given). */
    Findings requiredBecause(String condition) {
        return new Findings(violations, voice, true, condition);
    }

    /** The same findings, where missing fields pass. */
    Findings optional() {
        return new Findings(violations, voice, false, null);
    }

    int count() {
        return violations.count();
    }

    void throwIfAny() {
        violations.throwIfAny();
    }
}
