def log = new File(basedir, 'build.log').text
assert log.contains('jtest: the JUnit Platform launcher on the fork\'s class path is 1.14.4 but the test class path has JUnit Platform 1.10.3')
assert !log.contains('BUILD SUCCESS')
