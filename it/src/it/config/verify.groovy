import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// One Maven build per invoker.goals.N of invoker.properties, in that order; the -q ones print no
// "Scanning for projects" line, so they are told apart by what follows.
def parts = log.split(/\[INFO\] Scanning for projects\.\.\./)

// 1: the two files merged, as docker compose config prints them, and nothing else (-q).
def yaml = parts[0]
def expected = """name: config
services:
  api:
    command:
      - java
      - -jar
      - /app/api.jar
    depends_on:
      db:
        condition: service_started
        required: true
    environment:
      DB_URL: jdbc:postgresql://db:5432/app
      LOG_LEVEL: debug
    image: jtest-it/api:1.0
    networks:
      default: null
    ports:
      - mode: ingress
        target: 8080
        protocol: tcp
      - mode: ingress
        host_ip: 127.0.0.1
        target: 9090
        published: '9090'
        protocol: tcp
    volumes:
      - type: bind
        source: ${new File(basedir, 'data').toPath().toAbsolutePath().normalize()}
        target: /data
        read_only: true
        bind:
          create_host_path: true
  db:
    healthcheck:
      test:
        - CMD-SHELL
        - pg_isready
      interval: 1m30s
    image: postgres:16
    networks:
      default: null
networks:
  default:
    name: config_default
"""
assert yaml.startsWith(expected) : "jtest:config printed:\n${yaml}"

// 2: JSON to a file, the debug profile on.
def json = new JsonSlurper().parse(new File(basedir, 'target/config.json'))
assert json.name == 'config'
assert json.services.keySet() == ['api', 'db', 'debug'] as Set
assert json.services.debug.profiles == ['debug']
assert json.services.api.ports*.target == [8080, 9090]
assert json.networks.default.name == 'config_default'
assert parts[1].contains('jtest: wrote the resolved compose model to ')
assert parts[1].contains('BUILD SUCCESS')

// 3: names only, in start waves (db and debug first, by name, then api, which depends on db).
assert parts[1].endsWith('db\ndebug\napi\n')

// 4 and 5: a bad file gets the same one-line message from jtest:config as from jtest:start.
def message = "broken.yml:4: service 'api': port 'http' is not a port spec ('http' is not a port number)"
assert parts[2].contains(message)
assert parts[3].contains(message)
[2, 3].each { assert !(parts[it] =~ /(?m)^\s+at [\w$.]+\(/) }

// 6: a format it does not know, refused before any goal runs.
assert parts[4].contains('Invalid jtest.format="toml": use yaml (as `docker compose config`) or json (the same model)')
