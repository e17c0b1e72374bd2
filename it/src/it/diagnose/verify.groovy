def log = new File(basedir, 'build.log').text

assert log =~ /Engine endpoint: (unix|tcp):\/\/\S+ \(/
assert log =~ /Engine version: (Docker|Podman) \d+\.\d+/
assert log =~ /API version: 1\.\d+ \(oldest accepted 1\.\d+\)/
assert log.contains('Base image debian:bookworm-slim: present')
assert log.contains('Compose files: docker-compose.yml')
assert log.contains('BUILD SUCCESS')
