package io.switchboard.model;

/** A place a user shared, answering a request for their location. */
public record UserLocation(double latitude, double longitude, String label) {
}
