/**
 * What users' tests import from jtest: {@link dev.jtest.junit.WithServices} with {@link
 * dev.jtest.junit.ComposeService} for endpoint injection, {@link dev.jtest.junit.TestData} for test
 * data with teardown, {@link dev.jtest.junit.TestDataCleaner} for cleaners in Java, and {@link
 * dev.jtest.junit.RunSerially} for tests that must run alone.
 *
 * <p>Each public type says how far it is supported with {@link org.apiguardian.api.API}: {@code
 * STABLE} types change only in a major release, {@code EXPERIMENTAL} ones may change in any
 * release, {@code DEPRECATED} ones go in the next release.
 */
package dev.jtest.junit;
