package org.kamaelia4j.components.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.kamaelia4j.components.net.NetTesting.ascii;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kamaelia4j.axon.Component;
import org.kamaelia4j.axon.Handle;
import org.kamaelia4j.axon.Scheduler;
import org.kamaelia4j.axon.ipc.ShutdownMicroprocess;

@Timeout(60)
class UdpTest {

    @Test
    void datagramsGoFromSenderToReceiver() {
        Scheduler s = Scheduler.create(2);
        s.startInBackground();
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            UdpReceiver rx = new UdpReceiver(new InetSocketAddress(loopback, 0));
            Handle in = Handle.activate(rx, s);
            Handle out = Handle.activate(new UdpSender(new InetSocketAddress(loopback, rx.port())), s);
            // loopback UDP rarely drops, but it may: resend until 20 distinct datagrams came, bounded
            Set<String> got = new HashSet<>();
            for (int round = 0; round < 50 && got.size() < 20; round++) {
                for (int i = 0; i < 20; i++) {
                    if (i % 2 == 0) {
                        out.put(ascii("d" + i));
                    } else {
                        out.put(new Datagram(ascii("d" + i), new InetSocketAddress(loopback, rx.port())));
                    }
                }
                for (Datagram d; (d = in.get(Duration.ofMillis(500))) != null; ) {
                    assertEquals(loopback, d.address().getAddress());
                    got.add(NetTesting.text(d.data()));
                }
            }
            assertEquals(20, got.size(), "received " + got);
            out.put(new ShutdownMicroprocess(), Component.CONTROL);
            in.put(new ShutdownMicroprocess(), Component.CONTROL);
            assertNotNull(out.get(Component.SIGNAL, Duration.ofSeconds(30)));
            assertNotNull(in.get(Component.SIGNAL, Duration.ofSeconds(30)));
        } finally {
            s.stop();
        }
    }
}
