package dev.jtest.surefire.coordinator;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the {@code SourceFile} attribute of a class file: which {@code .java} file a class came
 * from, so that {@code jtest.dist=module} keeps every class of one file on one worker.
 */
final class SourceFiles {

  private SourceFiles() {}

  /**
   * The source file of {@code type} as {@code package/File.java}, or the top-level class name when
   * the class file does not say (compiled without debug information, or unreadable).
   */
  static String of(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String packagePath = top.getPackageName().replace('.', '/');
    String resource = top.getName().substring(top.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = top.getResourceAsStream(resource)) {
      if (in != null) {
        String file = read(new DataInputStream(in));
        if (file != null) {
          return packagePath.isEmpty() ? file : packagePath + "/" + file;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Falls back to the class name: the class is then its own module.
    }
    return top.getName();
  }

  private static String read(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      return null;
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
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
          i++; // Longs and doubles take two constant-pool slots.
        }
        default -> {
          return null;
        }
      }
    }
    in.skipBytes(6); // access flags, this class, super class
    in.skipBytes(2 * in.readUnsignedShort()); // interfaces
    for (int kind = 0; kind < 2; kind++) { // fields, then methods
      int members = in.readUnsignedShort();
      for (int m = 0; m < members; m++) {
        in.skipBytes(6);
        skipAttributes(in);
      }
    }
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      String name = utf8[in.readUnsignedShort()];
      int length = in.readInt();
      if ("SourceFile".equals(name)) {
        return utf8[in.readUnsignedShort()];
      }
      in.skipBytes(length);
    }
    return null;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
