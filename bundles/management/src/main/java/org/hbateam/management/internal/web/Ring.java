package org.hbateam.management.internal.web;

import java.util.ArrayDeque;
import java.util.List;

/** A bounded, thread-safe list that forgets its oldest element when full. Called once a second, not per command. */
final class Ring<T> {
    private final int capacity;
    private final ArrayDeque<T> elements;

    Ring(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.elements = new ArrayDeque<>(capacity);
    }

    synchronized void add(T element) {
        if (elements.size() == capacity) {
            elements.removeFirst();
        }
        elements.addLast(element);
    }

    /** Oldest first. */
    synchronized List<T> snapshot() {
        return List.copyOf(elements);
    }
}
