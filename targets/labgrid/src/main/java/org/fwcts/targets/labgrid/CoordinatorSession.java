package org.fwcts.targets.labgrid;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.fwcts.targets.labgrid.wire.ClientInMessage;
import org.fwcts.targets.labgrid.wire.ClientOutMessage;
import org.fwcts.targets.labgrid.wire.Place;
import org.fwcts.targets.labgrid.wire.Resource;
import org.fwcts.targets.labgrid.wire.StartupDone;
import org.fwcts.targets.labgrid.wire.Subscribe;
import org.fwcts.targets.labgrid.wire.Sync;
import org.fwcts.targets.labgrid.wire.UpdateResponse;

/**
 * One client session with a labgrid coordinator: the {@code ClientStream} opened with the identity
 * FWCTS claims, the places and resources it reports (kept current from its updates), and the
 * unary calls, all on one channel, because the coordinator ties a call to its session by the
 * connection it arrives on.
 */
final class CoordinatorSession implements AutoCloseable {
    /** A unary call, or a sync on an open session, that takes longer than this means the coordinator is not there. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The first sync also connects the channel, in a JVM that loads gRPC and Netty for it: a loaded host may take
     * longer than a call. A coordinator that is not there at all ends the session at once (connection refused).
     */
    static final Duration FIRST_SYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final String CLIENT_VERSION = "fwcts";

    private final String address;
    private final ManagedChannel channel;
    private final Map<String, Place> places = new ConcurrentHashMap<>();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final AtomicLong syncIds = new AtomicLong();
    private final Object updates = new Object();
    private long lastSync;
    private volatile Status ended;
    private StreamObserver<ClientInMessage> toCoordinator;

    private CoordinatorSession(String address) {
        this.address = address;
        // Keepalive as labgrid's own client sets it, so a coordinator that vanishes is noticed.
        this.channel = Grpc.newChannelBuilder(address, InsecureChannelCredentials.create())
                .keepAliveTime(7500, TimeUnit.MILLISECONDS).keepAliveTimeout(10, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true).build();
    }

    /**
     * Opens a session as {@code identity} and waits until the coordinator has sent every place and
     * resource it knows.
     *
     * @throws CoordinatorException when the coordinator cannot be reached or refuses the session
     */
    static CoordinatorSession open(String address, String identity) {
        CoordinatorSession session = new CoordinatorSession(address);
        try {
            session.start(identity);
            session.sync(FIRST_SYNC_TIMEOUT);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void start(String identity) {
        toCoordinator = ClientCalls.asyncBidiStreamingCall(channel.newCall(CoordinatorMethods.CLIENT_STREAM,
                CallOptions.DEFAULT), new Receiver());
        send(ClientInMessage.newBuilder().setStartup(StartupDone.newBuilder().setVersion(CLIENT_VERSION)
                .setName(identity)).build());
        send(ClientInMessage.newBuilder().setSubscribe(Subscribe.newBuilder().setAllPlaces(true)).build());
        send(ClientInMessage.newBuilder().setSubscribe(Subscribe.newBuilder().setAllResources(true)).build());
    }

    /** Returns once every update the coordinator sent before now has arrived. */
    void sync() {
        sync(CALL_TIMEOUT);
    }

    private void sync(Duration timeout) {
        long id = syncIds.incrementAndGet();
        send(ClientInMessage.newBuilder().setSync(Sync.newBuilder().setId(id)).build());
        awaitUpdate(() -> lastSync >= id, timeout, "answer to a sync");
    }

    /**
     * Waits until {@code condition} holds on the session's state (checked after each update) or
     * {@code timeout} passes; returns whether it held.
     */
    boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (updates) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (ended != null) {
                    throw failure("the session ended", ended);
                }
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(updates, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CoordinatorException("interrupted while waiting for the coordinator at " + address, e);
                }
            }
            return true;
        }
    }

    private void awaitUpdate(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        if (!await(condition, timeout)) {
            throw new CoordinatorException("no " + what + " from the coordinator at " + address + " within "
                    + timeout.toSeconds() + " s");
        }
    }

    Optional<Place> place(String name) {
        return Optional.ofNullable(places.get(name));
    }

    List<Place> places() {
        return List.copyOf(places.values());
    }

    List<Resource> resources(Predicate<Resource> filter) {
        return resources.values().stream().filter(filter).toList();
    }

    /** Calls unary {@code method}; a refusal becomes a {@link CoordinatorException} with the coordinator's reason. */
    <I, O> O call(MethodDescriptor<I, O> method, I request) {
        try {
            return ClientCalls.blockingUnaryCall(channel, method,
                    CallOptions.DEFAULT.withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), request);
        } catch (StatusRuntimeException e) {
            throw failure(method.getBareMethodName() + " failed", e.getStatus());
        }
    }

    String address() {
        return address;
    }

    private CoordinatorException failure(String what, Status status) {
        Throwable cause = status.getCause();
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = (status.getDescription() == null ? "" : ": " + status.getDescription())
                + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new CoordinatorException(what + " (" + status.getCode() + reason + ")", status.getCode());
    }

    private void send(ClientInMessage message) {
        synchronized (this) {
            toCoordinator.onNext(message);
        }
    }

    @Override
    public void close() {
        if (toCoordinator != null && ended == null) {
            try {
                synchronized (this) {
                    toCoordinator.onCompleted();
                }
            } catch (RuntimeException e) {
                // The stream is gone already; the channel is shut down below either way.
            }
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Applies the coordinator's updates as they arrive. */
    private final class Receiver implements StreamObserver<ClientOutMessage> {
        @Override
        public void onNext(ClientOutMessage message) {
            synchronized (updates) {
                for (UpdateResponse update : message.getUpdatesList()) {
                    switch (update.getKindCase()) {
                        case RESOURCE -> resources.put(PlaceResources.key(update.getResource()), update.getResource());
                        case DEL_RESOURCE -> resources.values().removeIf(r -> PlaceResources.samePath(r, update.getDelResource()));
                        case PLACE -> places.put(update.getPlace().getName(), update.getPlace());
                        case DEL_PLACE -> places.remove(update.getDelPlace());
                        default -> {
                        }
                    }
                }
                if (message.hasSync()) {
                    lastSync = Math.max(lastSync, message.getSync().getId());
                }
                updates.notifyAll();
            }
        }

        @Override
        public void onError(Throwable error) {
            end(Status.fromThrowable(error));
        }

        @Override
        public void onCompleted() {
            end(Status.UNAVAILABLE.withDescription("the coordinator closed the session"));
        }

        private void end(Status status) {
            synchronized (updates) {
                ended = status;
                updates.notifyAll();
            }
        }
    }
}
