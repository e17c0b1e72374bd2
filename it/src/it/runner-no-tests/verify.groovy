def log = new File(basedir, 'build.log').text
assert log.contains('jtest: 1 class(es) match this run\'s includes (s.LegacyTest) but the JUnit Platform discovered no test in them')
assert !log.contains('BUILD SUCCESS')
