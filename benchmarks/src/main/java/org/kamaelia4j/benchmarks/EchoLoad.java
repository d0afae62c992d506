package org.kamaelia4j.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The loopback load generator of {@link TcpEcho}, run in its own JVM so that 10,000 client
 * sockets and 10,000 server sockets do not share one process's file limit.
 *
 * <pre>
 * java -cp ... org.kamaelia4j.benchmarks.EchoLoad PORT CONNECTIONS REQUESTS MESSAGE_BYTES
 * -> "held=10000 requests=20000 nanos=1234567"
 * </pre>
 *
 * <p>It opens every connection first and checks each is established (a server that cannot hold
 * them all fails the run), then starts the clock: each connection sends a message, waits for
 * the whole echo, and repeats, until {@code REQUESTS} round trips are done in total. One selector
 * thread drives all connections, so the generator costs little next to the server.
 */
public final class EchoLoad {

    private EchoLoad() {
    }

    /** Per connection: the message, how much of it is written and read back, how many trips it owes. */
    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer out;
        final ByteBuffer in;
        long owed;

        Conn(SocketChannel channel, int size, long owed) {
            this.channel = channel;
            this.out = ByteBuffer.allocate(size);
            this.in = ByteBuffer.allocate(size);
            this.owed = owed;
        }
    }

    /** See the class description. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        long requests = Math.max(connections, Long.parseLong(args[2]));
        int size = Integer.parseInt(args[3]);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        List<Conn> conns = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel c = SocketChannel.open();
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                c.connect(server);                       // blocking connect: the backlog paces it
                c.configureBlocking(false);
                long owed = requests / connections + (i < requests % connections ? 1 : 0);
                conns.add(new Conn(c, size, owed));
            }
            int held = (int) conns.stream().filter(c -> c.channel.isConnected()).count();
            long start = System.nanoTime();
            long done = 0;
            for (Conn c : conns) {
                if (c.owed > 0) {
                    c.channel.write(c.out);
                    int ops = SelectionKey.OP_READ | (c.out.hasRemaining() ? SelectionKey.OP_WRITE : 0);
                    c.channel.register(selector, ops, c);
                }
            }
            while (done < requests) {
                if (selector.select(30_000) == 0) {
                    throw new IOException("no echo for 30 s; " + done + " of " + requests + " round trips done");
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Conn c = (Conn) key.attachment();
                    if (key.isWritable() && c.channel.write(c.out) >= 0 && !c.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    if (key.isReadable()) {
                        if (c.channel.read(c.in) < 0) {
                            throw new IOException("the server closed a connection");
                        }
                        if (!c.in.hasRemaining()) {
                            done++;
                            c.in.clear();
                            c.out.clear();
                            if (--c.owed == 0) {
                                key.cancel();
                            } else if (c.channel.write(c.out) >= 0 && c.out.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                            }
                        }
                    }
                }
            }
            long nanos = System.nanoTime() - start;
            System.out.println("held=" + held + " requests=" + done + " nanos=" + nanos);
        } finally {
            for (Conn c : conns) {
                c.channel.close();
            }
        }
    }
}
