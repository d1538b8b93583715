package org.hbateam.testbed;

/** One iSCSI portal of the bed: the target-side address of a path, and the port. */
public record Portal(String address, int port) {

    /** Parses {@code ADDRESS:PORT}, as the bed's summary writes it. */
    public static Portal parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a portal ADDRESS:PORT: '" + text + "'");
        }
        return new Portal(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    /** The libiscsi portal URL, for discovery: {@code iscsi://ADDRESS:PORT}. */
    public String url() {
        return "iscsi://" + address + ":" + port;
    }

    /** The libiscsi URL of one LUN behind this portal: {@code iscsi://ADDRESS:PORT/IQN/LUN}. */
    public String lunUrl(String targetIqn, int lun) {
        return url() + "/" + targetIqn + "/" + lun;
    }

    @Override
    public String toString() {
        return address + ":" + port;
    }
}
