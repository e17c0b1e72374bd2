package dev.jtest.surefire.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One message between the coordinator and a worker: a type, the sender's clock, and string fields
 * (any of them null). Framed as type byte, time, field count, then each field as a length and UTF-8
 * bytes, so a stack trace of any size fits.
 */
public record Message(Type type, long time, List<String> fields) {

  /** What a message says; the fields of each are listed in order. */
  public enum Type {
    /** Worker → coordinator, once connected: worker index, process id. */
    HELLO,
    /** Coordinator → worker: unit id, then the unique ids to select. */
    RUN,
    /** Coordinator → worker: finish and exit. */
    STOP,
    /** Worker: an item (a method-level test) started: its unique id. */
    ITEM_STARTED,
    /**
     * Worker: an item finished: its unique id, its status (SUCCESSFUL, ABORTED, FAILED, SKIPPED).
     */
    ITEM_FINISHED,
    /** Worker: a report event, fields as {@link ReportEvent#toFields()}. */
    REPORT,
    /** Worker: the unit finished: its id. */
    UNIT_DONE
  }

  public Message {
    // Fields may be null, which List.copyOf refuses.
    fields = Collections.unmodifiableList(new ArrayList<>(fields));
  }

  public static Message of(Type type, String... fields) {
    return new Message(type, System.currentTimeMillis(), Arrays.asList(fields));
  }

  public String field(int i) {
    return fields.get(i);
  }

  public void writeTo(DataOutputStream out) throws IOException {
    out.writeByte(type.ordinal());
    out.writeLong(time);
    out.writeInt(fields.size());
    for (String field : fields) {
      if (field == null) {
        out.writeInt(-1);
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }
  }

  /**
   * Reads the next message.
   *
   * @throws EOFException when the other side closed the stream
   */
  public static Message readFrom(DataInputStream in) throws IOException {
    int typeIndex = in.readUnsignedByte();
    if (typeIndex >= Type.values().length) {
      throw new IOException("corrupt message stream: type " + typeIndex);
    }
    long time = in.readLong();
    int count = in.readInt();
    String[] fields = new String[count];
    for (int i = 0; i < count; i++) {
      int length = in.readInt();
      if (length >= 0) {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        fields[i] = new String(bytes, StandardCharsets.UTF_8);
      }
    }
    return new Message(Type.values()[typeIndex], time, Arrays.asList(fields));
  }
}
