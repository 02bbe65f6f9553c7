package io.switchboard.model;

/** Side of a horizontal standalone card that shows the image. */
public enum ImageAlignment {
    LEFT,
    RIGHT
}
