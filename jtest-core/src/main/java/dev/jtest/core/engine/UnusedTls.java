package dev.jtest.core.engine;

import com.github.dockerjava.transport.SSLConfig;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS configuration given to docker-java's transport for a unix socket, which never speaks TLS.
 *
 * <p>Without one, the transport builds the JVM's default {@link SSLContext} all the same (JSSE's
 * providers, every cipher suite, the {@code cacerts} trust store: about 100 ms of CPU, a quarter of
 * connecting) for a TLS strategy that a {@code unix://} connection never asks for. This context
 * costs nothing to make and refuses to be used. Only for sockets: on {@code tcp://} the transport
 * takes any context as a request for HTTPS.
 */
final class UnusedTls implements SSLConfig {

  @Override
  public SSLContext getSSLContext() {
    return new SSLContext(new Refusing(), null, "TLS") {};
  }

  private static final class Refusing extends SSLContextSpi {

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException(REFUSAL);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw new UnsupportedOperationException(REFUSAL);
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw new UnsupportedOperationException(REFUSAL);
    }
  }

  private static final String REFUSAL =
      "jtest connects to this engine over a unix socket, without TLS: this is a bug in jtest";
}
