package org.hbateam.testbed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What bed to bring up: name, number of paths, LUN size and count, CHAP and MaxConnections.
 * Build one with {@link #builder()}; the name may be left out when a {@link TestBedExtension}
 * derives one from the test class.
 */
public final class BedSpec {
    /** Most paths one bed can have: each path takes one /24 of the bed's 10.250.x.0/20. */
    public static final int MAX_PATHS = 15;
    /** Most LUNs one bed can have. */
    public static final int MAX_LUNS = 8;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern SIZE = Pattern.compile("[0-9]+[KMG]?");

    private final String name;
    private final int paths;
    private final String size;
    private final int luns;
    private final Chap chap;
    private final Chap mutualChap;
    private final int maxConnections;
    private final int nopInterval;

    private BedSpec(Builder builder) {
        this.name = builder.name;
        this.paths = builder.paths;
        this.size = builder.size;
        this.luns = builder.luns;
        this.chap = builder.chap;
        this.mutualChap = builder.mutualChap;
        this.maxConnections = builder.maxConnections;
        this.nopInterval = builder.nopInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy with {@code name}, which must be 1-8 of [a-z0-9] (it goes into interface names). */
    public BedSpec withName(String newName) {
        return toBuilder().name(newName).build();
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public int paths() {
        return paths;
    }

    /** LUN size as the script takes it: a byte count with an optional K, M or G suffix. */
    public String size() {
        return size;
    }

    public int luns() {
        return luns;
    }

    public Optional<Chap> chap() {
        return Optional.ofNullable(chap);
    }

    public Optional<Chap> mutualChap() {
        return Optional.ofNullable(mutualChap);
    }

    /** The target's MaxConnections (for MC/S), empty for tgt's default of 1. */
    public OptionalInt maxConnections() {
        return maxConnections > 0 ? OptionalInt.of(maxConnections) : OptionalInt.empty();
    }

    /** Seconds between the target's NOP-In pings, empty for none (tgt's default). */
    public OptionalInt nopInterval() {
        return nopInterval > 0 ? OptionalInt.of(nopInterval) : OptionalInt.empty();
    }

    /** Arguments of {@code bed up}; secrets are not among them (see {@link #environment()}). */
    List<String> upArguments() {
        String bedName = name().orElseThrow(() -> new IllegalStateException("a bed needs a name to come up"));
        List<String> arguments = new ArrayList<>(List.of("up", bedName, "--paths", Integer.toString(paths),
                "--size", size, "--luns", Integer.toString(luns)));
        maxConnections().ifPresent(m -> arguments.addAll(List.of("--max-connections", Integer.toString(m))));
        nopInterval().ifPresent(n -> arguments.addAll(List.of("--nop-interval", Integer.toString(n))));
        return arguments;
    }

    /** Environment of {@code bed up}: the CHAP accounts travel here, out of sight of ps. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("HBT_CHAP", chap == null ? null : chap.argument());
        environment.put("HBT_MUTUAL_CHAP", mutualChap == null ? null : mutualChap.argument());
        return environment;
    }

    private Builder toBuilder() {
        Builder builder = new Builder().paths(paths).size(size).luns(luns).maxConnections(maxConnections)
                .nopInterval(nopInterval);
        builder.name = name;
        builder.chap = chap;
        builder.mutualChap = mutualChap;
        return builder;
    }

    @Override
    public String toString() {
        return "BedSpec[name=" + name + ", paths=" + paths + ", size=" + size + ", luns=" + luns + ", chap=" + chap
                + ", mutualChap=" + mutualChap + ", maxConnections=" + maxConnections + ", nopInterval=" + nopInterval + "]";
    }

    /** Collects and checks a {@link BedSpec}; defaults: 2 paths, 64M, 1 LUN, no CHAP. */
    public static final class Builder {
        private String name;
        private int paths = 2;
        private String size = "64M";
        private int luns = 1;
        private Chap chap;
        private Chap mutualChap;
        private int maxConnections;
        private int nopInterval;

        private Builder() {
        }

        public Builder name(String value) {
            if (value == null || !NAME.matcher(value).matches()) {
                throw new IllegalArgumentException("bed name must be 1-8 of [a-z0-9], was '" + value + "'");
            }
            this.name = value;
            return this;
        }

        public Builder paths(int value) {
            if (value < 1 || value > MAX_PATHS) {
                throw new IllegalArgumentException("paths must be 1.." + MAX_PATHS + ", was " + value);
            }
            this.paths = value;
            return this;
        }

        public Builder size(String value) {
            if (value == null || !SIZE.matcher(value).matches()) {
                throw new IllegalArgumentException("size must be a byte count with optional K, M or G, was '" + value + "'");
            }
            this.size = value;
            return this;
        }

        public Builder luns(int value) {
            if (value < 1 || value > MAX_LUNS) {
                throw new IllegalArgumentException("luns must be 1.." + MAX_LUNS + ", was " + value);
            }
            this.luns = value;
            return this;
        }

        /** One-way CHAP: the initiator proves itself with this account. */
        public Builder chap(Chap value) {
            this.chap = value;
            return this;
        }

        /** Mutual CHAP: the target proves itself with this account too; needs {@link #chap(Chap)}. */
        public Builder mutualChap(Chap value) {
            this.mutualChap = value;
            return this;
        }

        /** Raises the target's MaxConnections for MC/S; 0 keeps tgt's default. */
        public Builder maxConnections(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxConnections must be >= 0, was " + value);
            }
            this.maxConnections = value;
            return this;
        }

        /** Makes the target send NOP-In pings every {@code seconds}; 0 keeps tgt's default (none). */
        public Builder nopInterval(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("nopInterval must be >= 0 seconds, was " + seconds);
            }
            this.nopInterval = seconds;
            return this;
        }

        public BedSpec build() {
            if (mutualChap != null && chap == null) {
                throw new IllegalArgumentException("mutual CHAP needs one-way CHAP as well");
            }
            return new BedSpec(this);
        }
    }
}
