package org.kamaelia4j.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.kamaelia4j.axon.Microprocess;
import org.kamaelia4j.axon.ipc.NewComponent;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

/**
 * The codecs that carry messages over links between JVMs: fast built-in ones for common types, the
 * user's own {@link MessageCodec}s, and Java serialization as a fallback guarded by an allow-list.
 *
 * <pre>{@code
 * Codecs codecs = Codecs.builder()
 *         .codec(new PointCodec())          // asked first
 *         .allow("com.example.model.*")     // serializable classes that may cross
 *         .build();
 * ProcessPipeline.of(LinkOptions.defaults().codecs(codecs), producer, consumer);
 * }</pre>
 *
 * <h2>What crosses, and how</h2>
 * <ul>
 *   <li>{@code String}, {@code byte[]} and the boxed primitives: a tag byte and the value.</li>
 *   <li>Records whose components are themselves encodable, the ipc records included: the class
 *       name and each component in turn; they are rebuilt with their canonical constructor.
 *       Inside them a {@code Microprocess} (such as {@code ProducerFinished}'s caller) crosses as
 *       its name, a {@code Throwable} as a {@link RemoteFailure} with the original class name,
 *       message and stack trace; a {@code ShutdownMicroprocess} crosses without its targets, which
 *       do not exist in the other JVM. {@code NewComponent} cannot cross: send a {@link Stage}.</li>
 *   <li>Anything else that is {@code Serializable}, when every class in its object graph matches
 *       the allow-list ({@code java.lang.*}, {@code java.util.*}, {@code java.time.*},
 *       {@code java.math.*} and {@code org.kamaelia4j.**} by default, in
 *       {@link ObjectInputFilter} pattern syntax). The list is checked when writing, so that a
 *       message the receiver would refuse fails at the sender, and enforced by the receiver's
 *       {@code ObjectInputFilter}.</li>
 * </ul>
 * Anything else fails at the sender with a {@link MessageEncodingException} naming its class.
 *
 * <p>Instances are immutable and serializable: they are shipped to every stage JVM.
 */
public final class Codecs implements Serializable {

    private static final String DEFAULT_ALLOWED = "java.lang.*;java.util.*;java.time.*;java.math.*;org.kamaelia4j.**";

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int BYTES = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;
    private static final int FLOAT = 6;
    private static final int SHORT = 7;
    private static final int BYTE = 8;
    private static final int CHAR = 9;
    private static final int BOOLEAN = 10;
    private static final int MICROPROCESS = 11;
    private static final int THROWABLE = 12;
    private static final int SHUTDOWN = 13;
    private static final int RECORD = 14;
    private static final int SERIALIZED = 15;

    private static final Codecs STANDARD = builder().build();

    private final List<MessageCodec> userCodecs;
    private final String allowList;
    private transient volatile ObjectInputFilter filter;

    private Codecs(List<MessageCodec> userCodecs, String allowList) {
        this.userCodecs = List.copyOf(userCodecs);
        this.allowList = allowList;
    }

    /** The built-in codecs with the default allow-list. */
    public static Codecs standard() {
        return STANDARD;
    }

    /** A builder starting from the built-in codecs and the default allow-list. */
    public static Builder builder() {
        return new Builder();
    }

    /** The allow-list for serialized classes, in {@link ObjectInputFilter} pattern syntax. */
    public String allowList() {
        return allowList;
    }

    /**
     * Writes {@code message}, tag first.
     *
     * @param where names the sender and link, for the error message
     * @throws MessageEncodingException when no codec can write it
     */
    void write(Object message, DataOutput out, String where) throws IOException {
        for (MessageCodec codec : userCodecs) {
            if (codec.accepts(message)) {
                out.writeByte(codec.tag());
                codec.write(message, out);
                return;
            }
        }
        writeBuiltIn(message, out, where);
    }

    /**
     * Reads a message that {@link #write} wrote.
     *
     * @throws MessageEncodingException when the bytes name an unknown codec, or a class not allowed
     */
    Object read(DataInput in, String where) throws IOException {
        int tag = in.readUnsignedByte();
        if (tag >= MessageCodec.FIRST_USER_TAG) {
            for (MessageCodec codec : userCodecs) {
                if (codec.tag() == tag) {
                    return codec.read(in);
                }
            }
            throw new MessageEncodingException(where + ": a message was written by a codec with tag " + tag
                    + " but this JVM's codecs are " + userCodecs);
        }
        return readBuiltIn(tag, in, where);
    }

    private void writeBuiltIn(Object m, DataOutput out, String where) throws IOException {
        switch (m) {
            case null -> out.writeByte(NULL);
            case String s -> {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                out.writeByte(STRING);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            case byte[] b -> {
                out.writeByte(BYTES);
                out.writeInt(b.length);
                out.write(b);
            }
            case Integer i -> {
                out.writeByte(INT);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case Double d -> {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            }
            case Float f -> {
                out.writeByte(FLOAT);
                out.writeFloat(f);
            }
            case Short s -> {
                out.writeByte(SHORT);
                out.writeShort(s);
            }
            case Byte b -> {
                out.writeByte(BYTE);
                out.writeByte(b);
            }
            case Character c -> {
                out.writeByte(CHAR);
                out.writeChar(c);
            }
            case Boolean b -> {
                out.writeByte(BOOLEAN);
                out.writeBoolean(b);
            }
            case Microprocess mp -> {
                out.writeByte(MICROPROCESS);
                out.writeUTF(mp.name());
            }
            case Throwable t -> writeThrowable(t, out);
            case ShutdownMicroprocess s -> out.writeByte(SHUTDOWN);
            case NewComponent n -> throw new MessageEncodingException(where + ": NewComponent cannot cross JVMs,"
                    + " its components live in this one; send data, or run the component as a Stage");
            case Record r -> writeRecord(r, out, where);
            case Serializable s -> writeSerialized(s, out, where);
            default -> throw new MessageEncodingException(where + ": cannot send a " + m.getClass().getName()
                    + " to another JVM: it is not a String, byte[], boxed primitive, ipc record or record of these,"
                    + " no MessageCodec accepts it and it is not Serializable");
        }
    }

    private void writeRecord(Record r, DataOutput out, String where) throws IOException {
        RecordComponent[] components = r.getClass().getRecordComponents();
        out.writeByte(RECORD);
        out.writeUTF(r.getClass().getName());
        out.writeShort(components.length);
        for (RecordComponent c : components) {
            Object value;
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(r);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new MessageEncodingException(where + ": cannot read component '" + c.getName() + "' of "
                        + r.getClass().getName(), e);
            }
            try {
                write(value, out, where);
            } catch (MessageEncodingException e) {
                throw new MessageEncodingException(where + ": cannot send a " + r.getClass().getName()
                        + " because its component '" + c.getName() + "' cannot cross: " + e.getMessage(), e);
            }
        }
    }

    private static void writeThrowable(Throwable t, DataOutput out) throws IOException {
        out.writeByte(THROWABLE);
        boolean remote = t instanceof RemoteFailure;
        out.writeUTF(remote ? ((RemoteFailure) t).remoteClassName() : t.getClass().getName());
        String message = remote ? ((RemoteFailure) t).remoteMessage() : t.getMessage();
        out.writeBoolean(message != null);
        if (message != null) {
            out.writeUTF(message.length() > 8000 ? message.substring(0, 8000) : message);
        }
        StackTraceElement[] trace = t.getStackTrace();
        out.writeShort(Math.min(trace.length, 200));
        for (int i = 0; i < Math.min(trace.length, 200); i++) {
            StackTraceElement e = trace[i];
            out.writeUTF(e.getClassName());
            out.writeUTF(e.getMethodName());
            out.writeUTF(Objects.requireNonNullElse(e.getFileName(), ""));
            out.writeInt(e.getLineNumber());
        }
    }

    private void writeSerialized(Serializable s, DataOutput out, String where) throws IOException {
        ObjectInputFilter allowed = filter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new CheckedObjectOutputStream(bytes, allowed)) {
            oos.writeObject(s);
        } catch (InvalidClassException | java.io.NotSerializableException e) {
            throw new MessageEncodingException(where + ": cannot send a " + s.getClass().getName()
                    + " to another JVM: " + e.getMessage() + " (allow-list: " + allowList
                    + "; add a MessageCodec or allow the class in Codecs)", e);
        }
        out.writeByte(SERIALIZED);
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    private Object readBuiltIn(int tag, DataInput in, String where) throws IOException {
        return switch (tag) {
            case NULL -> null;
            case STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
            case BYTES -> readBytes(in);
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case SHORT -> in.readShort();
            case BYTE -> in.readByte();
            case CHAR -> in.readChar();
            case BOOLEAN -> in.readBoolean();
            case MICROPROCESS -> in.readUTF();
            case THROWABLE -> readThrowable(in);
            case SHUTDOWN -> new ShutdownMicroprocess();
            case RECORD -> readRecord(in, where);
            case SERIALIZED -> readSerialized(in, where);
            default -> throw new MessageEncodingException(where + ": unknown message tag " + tag
                    + "; were the sender's codecs the same as this JVM's?");
        };
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    private static RemoteFailure readThrowable(DataInput in) throws IOException {
        String className = in.readUTF();
        String message = in.readBoolean() ? in.readUTF() : null;
        StackTraceElement[] trace = new StackTraceElement[in.readUnsignedShort()];
        for (int i = 0; i < trace.length; i++) {
            String declaring = in.readUTF();
            String method = in.readUTF();
            String file = in.readUTF();
            trace[i] = new StackTraceElement(declaring, method, file.isEmpty() ? null : file, in.readInt());
        }
        RemoteFailure failure = new RemoteFailure(className, message);
        failure.setStackTrace(trace);
        return failure;
    }

    private Object readRecord(DataInput in, String where) throws IOException {
        String className = in.readUTF();
        int count = in.readUnsignedShort();
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader());
        } catch (ClassNotFoundException e) {
            throw new MessageEncodingException(where + ": record class " + className + " is not on this JVM's"
                    + " class path", e);
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components == null || components.length != count) {
            throw new MessageEncodingException(where + ": " + className + " is not a record with " + count
                    + " components in this JVM");
        }
        Object[] values = new Object[count];
        Class<?>[] types = new Class<?>[count];
        for (int i = 0; i < count; i++) {
            values[i] = read(in, where);
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MessageEncodingException(where + ": cannot rebuild a " + className + " from its components",
                    e);
        }
    }

    private Object readSerialized(DataInput in, String where) throws IOException {
        byte[] bytes = readBytes(in);
        try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            ois.setObjectInputFilter(filter());
            return ois.readObject();
        } catch (InvalidClassException | ClassNotFoundException e) {
            throw new MessageEncodingException(where + ": a serialized message was refused: " + e.getMessage()
                    + " (allow-list: " + allowList + ")", e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Codecs.class.getClassLoader();
    }

    private ObjectInputFilter filter() {
        ObjectInputFilter f = filter;
        if (f == null) {
            f = ObjectInputFilter.Config.createFilter(allowList + ";!*");
            filter = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "Codecs[user=" + userCodecs + ", allow=" + allowList + "]";
    }

    /** Serializes while checking every class written against the allow-list, as the receiver will. */
    private static final class CheckedObjectOutputStream extends ObjectOutputStream {

        private final ObjectInputFilter allowed;

        CheckedObjectOutputStream(OutputStream out, ObjectInputFilter allowed) throws IOException {
            super(out);
            this.allowed = allowed;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            Class<?> type = obj.getClass();
            while (type.isArray()) {
                type = type.getComponentType();
            }
            if (!type.isPrimitive() && allowed.checkInput(new ClassOnly(type)) != ObjectInputFilter.Status.ALLOWED) {
                throw new InvalidClassException(type.getName(), "not on the allow-list");
            }
            return obj;
        }
    }

    /** The filter's view of one class, as the write-side check presents it. */
    private record ClassOnly(Class<?> serialClass) implements ObjectInputFilter.FilterInfo {
        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }

    /** Collects user codecs and allow-list patterns. */
    public static final class Builder {

        private final List<MessageCodec> codecs = new ArrayList<>();
        private final StringBuilder allowed = new StringBuilder(DEFAULT_ALLOWED);

        private Builder() {
        }

        /**
         * Adds a codec, asked before the built-in ones and after codecs added earlier.
         *
         * @throws IllegalArgumentException when its tag is out of range or taken
         */
        public Builder codec(MessageCodec codec) {
            Objects.requireNonNull(codec, "codec");
            int tag = codec.tag();
            if (tag < MessageCodec.FIRST_USER_TAG || tag > 127) {
                throw new IllegalArgumentException(codec + " has tag " + tag + "; user codec tags are "
                        + MessageCodec.FIRST_USER_TAG + " to 127");
            }
            for (MessageCodec c : codecs) {
                if (c.tag() == tag) {
                    throw new IllegalArgumentException(codec + " has tag " + tag + ", which " + c + " has already");
                }
            }
            codecs.add(codec);
            return this;
        }

        /**
         * Allows serialized classes matching {@code pattern} ({@link ObjectInputFilter} syntax:
         * {@code com.example.Point}, {@code com.example.*}, {@code com.example.**}).
         */
        public Builder allow(String pattern) {
            if (pattern == null || pattern.isBlank() || pattern.contains(";") || pattern.startsWith("!")) {
                throw new IllegalArgumentException("allow takes one class or package pattern such as"
                        + " 'com.example.*', got " + (pattern == null ? "null" : "'" + pattern + "'"));
            }
            allowed.append(';').append(pattern.strip());
            return this;
        }

        /** The codecs. */
        public Codecs build() {
            return new Codecs(codecs, allowed.toString());
        }
    }
}
