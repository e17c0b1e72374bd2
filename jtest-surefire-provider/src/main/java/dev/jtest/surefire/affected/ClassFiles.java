package dev.jtest.surefire.affected;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * What jtest reads from a class file: JaCoCo's class id ({@code jtest.affected}), and the name of
 * the source file it was compiled from ({@code jtest.affected}, {@code jtest.dist=module}). Read
 * here by hand rather than with JaCoCo and ASM, which the provider would otherwise carry into
 * Surefire's fork next to the user's own ASM and JaCoCo.
 */
public final class ClassFiles {

  private static final long[] TABLE = new long[256];

  static {
    // JaCoCo's CRC64 (org.jacoco.core.internal.data.CRC64), polynomial 0xD800000000000000.
    for (int i = 0; i < 256; i++) {
      long v = i;
      for (int bit = 0; bit < 8; bit++) {
        v = (v & 1) == 1 ? (v >>> 1) ^ 0xD800000000000000L : v >>> 1;
      }
      TABLE[i] = v;
    }
  }

  private ClassFiles() {}

  /**
   * The id JaCoCo gives a class: {@code CRC64.classId(bytes)}, which counts a Java 9 class file
   * (major version 53) as version 52, as JaCoCo does for the early JDK 9 and 10 builds.
   */
  public static long classId(byte[] bytes) {
    if (bytes.length > 7 && bytes[6] == 0 && bytes[7] == 53) {
      long crc = update(0, bytes, 0, 7);
      crc = update(crc, (byte) 52);
      return update(crc, bytes, 8, bytes.length);
    }
    return update(0, bytes, 0, bytes.length);
  }

  private static long update(long crc, byte b) {
    return (crc >>> 8) ^ TABLE[((int) crc ^ b) & 0xff];
  }

  private static long update(long crc, byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      crc = update(crc, bytes[i]);
    }
    return crc;
  }

  /**
   * The class file's {@code SourceFile} attribute ({@code Foo.java} for {@code Foo}, its nested
   * classes and any other top-level class in that file), empty when it was compiled without it or
   * is not a class file.
   */
  public static Optional<String> sourceFile(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readInt() != 0xCAFEBABE) {
        return Optional.empty();
      }
      in.readInt(); // minor and major version
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++; // longs and doubles take two entries
          }
          default -> {
            return Optional.empty();
          }
        }
      }
      in.skipBytes(6); // access flags, this class, super class
      in.skipBytes(2 * in.readUnsignedShort()); // interfaces
      for (int members = 0; members < 2; members++) { // fields, then methods
        int n = in.readUnsignedShort();
        for (int m = 0; m < n; m++) {
          in.skipBytes(6);
          skipAttributes(in);
        }
      }
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String name = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if ("SourceFile".equals(name)) {
          return Optional.ofNullable(utf8[in.readUnsignedShort()]);
        }
        in.skipBytes(length);
      }
      return Optional.empty();
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty(); // truncated or not a class file
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int a = 0; a < n; a++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
