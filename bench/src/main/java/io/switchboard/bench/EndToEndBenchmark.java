package io.switchboard.bench;

import io.switchboard.SwitchboardApplication;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub's intake next to what it is built on, on the same machine at the same concurrency: {@link #hubAcceptsV1}
 * is the README's v1 message posted to a running hub (default profile: embedded broker and database, sandbox
 * carriers, so every accepted message is also dispatched, called back and recorded on the same cores);
 * {@link #trivialHttp} posts the same bytes to the same server's sandbox webhook inbox, which only keeps them in a
 * list and answers 200 (the HTTP stack without the hub's work); {@link #rawBroker} sends a
 * persistent message of the same size to the hub's own embedded Artemis and receives it. BENCHMARKS.md gives the
 * hub's score as a ratio to each. Eight client threads, so the cores, not the clients, are the limit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class EndToEndBenchmark {

    private static final String V1_KEY = "Bearer sk_dev_v1";

    private ConfigurableApplicationContext hub;
    private HttpClient http;
    private URI hubMessages;
    private URI trivialEndpoint;
    private byte[] v1Message;
    private final AtomicLong recipients = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws IOException {
        // command-line arguments, so they win over config/application.yaml
        hub = new SpringApplicationBuilder(SwitchboardApplication.class)
                .run("--server.port=0",
                        "--switchboard.data-dir=./target/bench-data/" + UUID.randomUUID(),
                        "--switchboard.rate-limit.requests-per-second=1000000",
                        "--switchboard.routing.file=file:bench/routing.yaml",
                        "--logging.level.root=WARN");
        int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
        hubMessages = URI.create("http://127.0.0.1:" + port + "/v1/messages");
        // the hub's own webhook inbox: the same Tomcat, filters and JSON body, and nothing behind it but a list
        trivialEndpoint = URI.create("http://127.0.0.1:" + port + "/sandbox/webhook-inbox/bench");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        v1Message = Files.readAllBytes(Path.of("docs", "examples", "v1-first-message.json"));
    }

    @TearDown(Level.Trial)
    public void stop() {
        hub.close();
    }

    /** One JMS session per thread, as every consumer and producer of the hub has. */
    @State(Scope.Thread)
    public static class BrokerClient {

        private Connection connection;
        private Session session;
        private MessageProducer producer;
        private MessageConsumer consumer;
        private String body;

        @Setup(Level.Trial)
        public void connect(EndToEndBenchmark benchmark) throws JMSException {
            connection = benchmark.hub.getBean(ConnectionFactory.class).createConnection();
            connection.start();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("bench.baseline." + UUID.randomUUID());
            producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            consumer = session.createConsumer(queue);
            body = new String(benchmark.v1Message, StandardCharsets.UTF_8);
        }

        @TearDown(Level.Trial)
        public void close() throws JMSException {
            connection.close();
        }
    }

    @Benchmark
    public int trivialHttp() throws IOException, InterruptedException {
        return post(trivialEndpoint, v1Message, false);
    }

    @Benchmark
    public int hubAcceptsV1() throws IOException, InterruptedException {
        // a number of the default route whose last two digits the sandbox simply delivers
        String recipient = "+1555099" + String.format("%04d", recipients.incrementAndGet() % 10_000) + "42";
        byte[] body = new String(v1Message, StandardCharsets.UTF_8).replace("+14155550104", recipient)
                .getBytes(StandardCharsets.UTF_8);
        int status = post(hubMessages, body, true);
        if (status != 202) {
            throw new IllegalStateException("The hub answered " + status);
        }
        return status;
    }

    @Benchmark
    public Message rawBroker(BrokerClient client) throws JMSException {
        client.producer.send(client.session.createTextMessage(client.body));
        return client.consumer.receive(5_000);
    }

    private int post(URI uri, byte[] body, boolean authenticated) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authenticated) {
            request.header("Authorization", V1_KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
