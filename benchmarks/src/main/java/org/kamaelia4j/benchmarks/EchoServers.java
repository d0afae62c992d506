package org.kamaelia4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;
import org.kamaelia4j.components.chassis.SimpleServer;
import org.kamaelia4j.components.protocol.EchoProtocol;

/**
 * The echo servers {@link TcpEcho} compares, each on 127.0.0.1 and an ephemeral port: Kamaelia4J's
 * {@link SimpleServer} with {@link EchoProtocol}, Netty, and the two raw I/O models Kamaelia4J's
 * net components could be built on (a virtual thread per connection with blocking I/O; one NIO
 * selector thread), which is the measurement behind that choice.
 */
final class EchoServers {

    private EchoServers() {
    }

    /** A running echo server. */
    interface Running extends AutoCloseable {
        int port();

        @Override
        void close() throws Exception;
    }

    /** SimpleServer + EchoProtocol on a scheduler with {@code workers} workers. */
    static Running kamaelia(int workers) {
        Scheduler s = Scheduler.create(workers);
        s.startInBackground();
        SimpleServer server = new SimpleServer(0, EchoProtocol::new);
        Handle h = Handle.activate(server, s);
        return new Running() {
            public int port() {
                return server.port();
            }

            public void close() {
                h.put(new ShutdownMicroprocess(), Component.CONTROL);
                h.get(Component.SIGNAL, Duration.ofSeconds(60));
                s.stop();
            }
        };
    }

    /** Netty 4.2, NIO transport, one boss thread and {@code workers} event loops. */
    static Running netty(int workers) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(workers, NioIoHandler.newFactory());
        Channel channel = new ServerBootstrap().group(boss, group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public boolean isSharable() {
                        return true;
                    }

                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ctx.write(msg);
                    }

                    @Override
                    public void channelReadComplete(ChannelHandlerContext ctx) {
                        ctx.flush();
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        return new Running() {
            public int port() {
                return ((InetSocketAddress) channel.localAddress()).getPort();
            }

            public void close() throws InterruptedException {
                channel.close().sync();
                boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            }
        };
    }

    /** A virtual thread per connection, blocking read then write. */
    static Running virtualThreads() throws IOException {
        ServerSocket listener = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        Set<Thread> echoes = ConcurrentHashMap.newKeySet();
        Thread acceptor = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket s = listener.accept();
                    s.setTcpNoDelay(true);
                    echoes.add(Thread.ofVirtual().start(() -> echo(s)));
                }
            } catch (IOException closed) {
                // the benchmark is over
            }
        });
        return new Running() {
            public int port() {
                return listener.getLocalPort();
            }

            public void close() throws Exception {
                listener.close();
                acceptor.join();
                for (Thread t : echoes) {
                    t.join();                            // each ends when its client has closed
                }
            }
        };
    }

    private static void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException gone) {
            // the client left
        }
    }

    /** One platform thread running one NIO selector for every connection. */
    static Running selector() throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        listener.configureBlocking(false);
        Selector selector = Selector.open();
        listener.register(selector, SelectionKey.OP_ACCEPT);
        Thread loop = Thread.ofPlatform().daemon().start(() -> selectLoop(selector, listener));
        return new Running() {
            public int port() {
                return listener.socket().getLocalPort();
            }

            public void close() throws Exception {
                loop.interrupt();                        // wakes select(); the loop then ends
                loop.join();
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
                selector.close();
                listener.close();
            }
        };
    }

    private static void selectLoop(Selector selector, ServerSocketChannel listener) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                selector.select();
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isAcceptable()) {
                        for (SocketChannel c; (c = listener.accept()) != null; ) {
                            c.configureBlocking(false);
                            c.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(16 * 1024));
                        }
                    } else {
                        selectEcho(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the selector echo server failed", e);
        }
    }

    /** Reads what is there and writes it back; a partial write waits for OP_WRITE before reading more. */
    private static void selectEcho(SelectionKey key) {
        SocketChannel c = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        try {
            if (key.isReadable() && c.read(buffer) < 0) {
                c.close();
                return;
            }
            buffer.flip();
            c.write(buffer);
            boolean left = buffer.hasRemaining();
            buffer.compact();
            key.interestOps(left ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException gone) {
            key.cancel();
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a broken channel
            }
        }
    }
}
