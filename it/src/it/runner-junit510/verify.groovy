def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('jtest: 3 of 5 tests selected, 2 deselected by jtest.m="not serial"')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert !log.contains('jtest serial phase')
assert !log.contains('mustNotRun')
