/**
 * The one owner of every {@code jtest.*} property: its name ({@link dev.jtest.settings.Keys}), its
 * parser, default and documentation ({@link dev.jtest.settings.Settings}), and the endpoint
 * properties jtest hands to tests ({@link dev.jtest.settings.EndpointContract}). Dependency-free,
 * because every other module reads it: the plugin and core in Maven's JVM, the provider in
 * Surefire's fork (with neither of them on its class path), and jtest-junit on users' test class
 * path.
 */
package dev.jtest.settings;
