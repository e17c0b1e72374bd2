/**
 * What users' tests import from jtest: {@link dev.jtest.junit.Serial} for tests that must run
 * alone; endpoint injection and {@code TestData} arrive with the services and test-data
 * capabilities.
 */
package dev.jtest.junit;
