/**
 * What users' tests import from jtest: {@link dev.jtest.junit.WithServices} with {@link
 * dev.jtest.junit.Service} for endpoint injection, {@link dev.jtest.junit.TestData} for test data
 * with teardown, {@link dev.jtest.junit.TestDataCleaner} for cleaners in Java, and {@link
 * dev.jtest.junit.Serial} for tests that must run alone.
 */
package dev.jtest.junit;
