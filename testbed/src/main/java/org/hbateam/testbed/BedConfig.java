package org.hbateam.testbed;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the bed that {@code @ExtendWith(TestBedExtension.class)} brings up for a test class.
 * Without it the class gets {@link BedSpec#builder()}'s defaults: 2 paths of one 64M LUN.
 * CHAP applies when both its user and secret are set.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BedConfig {
    /** Bed name, 1-8 of [a-z0-9]; empty derives a stable one from the class and the checkout. */
    String name() default "";

    int paths() default 2;

    /** LUN size: a byte count with an optional K, M or G suffix. */
    String size() default "64M";

    int luns() default 1;

    String chapUser() default "";

    String chapSecret() default "";

    String mutualChapUser() default "";

    String mutualChapSecret() default "";

    /** Target MaxConnections for MC/S; 0 keeps tgt's default. */
    int maxConnections() default 0;

    /** Seconds between target-side NOP-In pings; 0 keeps tgt's default (none). */
    int nopInterval() default 0;
}
