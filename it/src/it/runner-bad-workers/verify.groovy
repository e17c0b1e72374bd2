def log = new File(basedir, 'build.log').text
assert log.contains('Invalid jtest.workers="lots": use auto (one worker per available processor) or a positive integer')
assert !log.contains('T E S T S')
