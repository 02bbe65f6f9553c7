package io.switchboard.model;

import java.util.List;

public final class Lists {

    private Lists() {
    }

    /** Records in this package never hold null or mutable lists, so equality and round trips are exact. */
    public static <T> List<T> immutable(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
