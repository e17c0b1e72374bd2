def log = new File(basedir, 'build.log').text
assert log.contains('Invalid jtest.k="(oauth or login": the \'(\' at column 1 is never closed')
// The expression, then a caret under the end where the ')' is missing.
assert log =~ /(?m)^\[ERROR\]   \(oauth or login\n\[ERROR\]                  \^$/
