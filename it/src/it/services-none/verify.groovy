def log = new File(basedir, 'build.log').text

assert log.count('jtest: no compose file in ') == 1
assert log.contains('Tests run: 1, Failures: 0')
assert log.contains('BUILD SUCCESS')
// A misspelt property is pointed out; a user's own jtest.version is not.
assert log.contains('jtest: unknown property -Djtest.wokers (ignored; known: ')
assert !log.contains('-Djtest.version (ignored')
