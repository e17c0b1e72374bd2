/** The jtest Surefire provider: partitioning, distribution, durations and filters. */
package dev.jtest.surefire;
