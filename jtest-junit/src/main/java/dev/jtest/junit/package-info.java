/**
 * What users' tests import from jtest: {@code @Serial}, endpoint injection and {@code TestData}
 * arrive with the runner, services and test-data capabilities.
 */
package dev.jtest.junit;
