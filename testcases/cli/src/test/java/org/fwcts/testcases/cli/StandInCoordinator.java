package org.fwcts.testcases.cli;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.labgrid.CoordinatorMethods;
import org.fwcts.targets.labgrid.wire.AcquirePlaceResponse;
import org.fwcts.targets.labgrid.wire.CancelReservationResponse;
import org.fwcts.targets.labgrid.wire.ClientInMessage;
import org.fwcts.targets.labgrid.wire.ClientOutMessage;
import org.fwcts.targets.labgrid.wire.CreateReservationResponse;
import org.fwcts.targets.labgrid.wire.GetReservationsResponse;
import org.fwcts.targets.labgrid.wire.PollReservationResponse;
import org.fwcts.targets.labgrid.wire.ReleasePlaceResponse;
import org.fwcts.targets.labgrid.wire.Reservation;
import org.fwcts.targets.labgrid.wire.Resource;
import org.fwcts.targets.labgrid.wire.Sync;
import org.fwcts.targets.labgrid.wire.UpdateResponse;

/**
 * A STAND-IN for labgrid's coordinator together with the exporter of its places, for self-tests
 * on machines where labgrid cannot be installed. It is not labgrid: it serves, over gRPC on
 * loopback with labgrid's own messages, only the calls FWCTS makes (ClientStream, AcquirePlace,
 * ReleasePlace, CreateReservation, PollReservation, CancelReservation, GetReservations), and behaves as labgrid
 * v26.0's coordinator does in them: a call is tied to its session by the connection it arrives
 * on, a session without StartupDone is refused, the identity a client claims is taken as it is,
 * a reservation waits while its place is acquired and expires 60 s after its last poll, an
 * acquired place stays acquired when its client dies, and a release with {@code fromuser} frees
 * only a place held by that identity. As an exporter would, it starts a place's console server
 * when the place is acquired (a new port each time) and stops it on release, publishing the port
 * as a NetworkSerialPort's {@code port} (unset while the place is free).
 */
final class StandInCoordinator implements AutoCloseable {
    /** labgrid's reservation states. */
    static final int WAITING = 0;
    static final int ALLOCATED = 1;
    static final int ACQUIRED = 2;
    static final int EXPIRED = 3;
    static final long RESERVATION_LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final Context.Key<String> PEER = Context.key("peer");

    /** What the place's exporter does when the place is acquired and released. */
    interface ConsoleServer {
        /** Starts serving the place's console; returns its port. */
        int start() throws Exception;

        void stop() throws Exception;
    }

    /** A client's session: its claimed name and the stream its updates go out on. */
    private record Session(String name, StreamObserver<ClientOutMessage> out) {
    }

    private final Server server;
    private final Map<String, StandInPlace> places = new LinkedHashMap<>();
    private final Map<String, StandInReservation> reservations = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<String> tokensIssued = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    StandInCoordinator() throws IOException {
        ServerServiceDefinition service = ServerServiceDefinition.builder(CoordinatorMethods.SERVICE)
                .addMethod(CoordinatorMethods.CLIENT_STREAM, ServerCalls.asyncBidiStreamingCall(this::clientStream))
                .addMethod(CoordinatorMethods.ACQUIRE_PLACE, ServerCalls.asyncUnaryCall((request, out) ->
                        answer(out, () -> acquire(request.getPlacename(), sessionName()))))
                .addMethod(CoordinatorMethods.RELEASE_PLACE, ServerCalls.asyncUnaryCall((request, out) ->
                        answer(out, () -> release(request.getPlacename(),
                                request.hasFromuser() ? Optional.of(request.getFromuser()) : Optional.empty()))))
                .addMethod(CoordinatorMethods.CREATE_RESERVATION, ServerCalls.asyncUnaryCall((request, out) ->
                        answer(out, () -> reserve(sessionName(), request.getFiltersMap().get("main").getFilterMap()))))
                .addMethod(CoordinatorMethods.POLL_RESERVATION, ServerCalls.asyncUnaryCall((request, out) ->
                        answer(out, () -> poll(request.getToken()))))
                .addMethod(CoordinatorMethods.GET_RESERVATIONS, ServerCalls.asyncUnaryCall((request, out) ->
                        answer(out, () -> GetReservationsResponse.newBuilder().addAllReservations(reservations.values()
                                .stream().map(StandInReservation::message).toList()).build())))
                .addMethod(CoordinatorMethods.CANCEL_RESERVATION, ServerCalls.asyncUnaryCall((request, out) ->
                        answer(out, () -> cancel(request.getToken()))))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                InsecureServerCredentials.create())
                .addService(ServerInterceptors.intercept(service, new PeerInterceptor())).build().start();
    }

    /** The address FWCTS is given: {@code 127.0.0.1:port}. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Publishes a place with the given resources (each {@code cls} with its parameters) and console server. */
    synchronized void addPlace(String name, Map<String, String> tags, Map<String, Map<String, Object>> resources,
            Optional<ConsoleServer> console) {
        StandInPlace place = new StandInPlace(name, tags, console);
        resources.forEach((cls, params) -> {
            Resource.Builder resource = Resource.newBuilder().setCls(cls).setAvail(true).setPath(Resource.Path.newBuilder()
                    .setExporterName(StandInPlace.EXPORTER).setGroupName(name).setResourceName(cls));
            params.forEach((key, value) -> resource.putParams(key, StandInPlace.mapValue(value)));
            place.resources.put(cls, resource.build());
        });
        places.put(name, place);
        publish(place);
    }

    /** Another client, {@code identity}, acquires the place (as labgrid-client acquire would). */
    synchronized void acquireAs(String place, String identity) {
        if (acquire(place, identity) instanceof Status refusal) {
            throw refusal.asRuntimeException();
        }
    }

    /** Releases the place whoever holds it, as {@code labgrid-client release --kick} does. */
    synchronized void kick(String place) {
        release(place, Optional.empty());
    }

    synchronized Optional<String> acquiredBy(String place) {
        return Optional.ofNullable(places.get(place).acquired);
    }

    /** Reservations not yet cancelled or removed. */
    synchronized int openReservations() {
        return reservations.size();
    }

    synchronized int openSessions() {
        return sessions.size();
    }

    /** Every reservation token handed out, so a test can check none was printed or written. */
    synchronized List<String> tokensIssued() {
        return List.copyOf(tokensIssued);
    }

    private StreamObserver<ClientInMessage> clientStream(StreamObserver<ClientOutMessage> out) {
        String peer = PEER.get();
        return new StreamObserver<>() {
            @Override
            public void onNext(ClientInMessage message) {
                synchronized (StandInCoordinator.this) {
                    switch (message.getKindCase()) {
                        case STARTUP -> sessions.put(peer, new Session(message.getStartup().getName(), out));
                        case SUBSCRIBE -> send(out, message.getSubscribe().getAllPlaces() ? placeUpdates() : resourceUpdates());
                        case SYNC -> send(out, ClientOutMessage.newBuilder()
                                .setSync(Sync.newBuilder().setId(message.getSync().getId())).build());
                        default -> {
                        }
                    }
                }
            }

            @Override
            public void onError(Throwable error) {
                end();
            }

            @Override
            public void onCompleted() {
                end();
                out.onCompleted();
            }

            private void end() {
                synchronized (StandInCoordinator.this) {
                    sessions.remove(peer);
                }
            }
        };
    }

    private ClientOutMessage placeUpdates() {
        ClientOutMessage.Builder message = ClientOutMessage.newBuilder();
        places.values().forEach(place -> message.addUpdates(UpdateResponse.newBuilder().setPlace(place.message())));
        return message.build();
    }

    private ClientOutMessage resourceUpdates() {
        ClientOutMessage.Builder message = ClientOutMessage.newBuilder();
        places.values().forEach(place -> place.resources.values()
                .forEach(resource -> message.addUpdates(UpdateResponse.newBuilder().setResource(resource))));
        return message.build();
    }

    private String sessionName() {
        Session session = sessions.get(PEER.get());
        if (session == null) {
            throw Status.FAILED_PRECONDITION.withDescription("Peer " + PEER.get() + " does not have a valid session")
                    .asRuntimeException();
        }
        return session.name();
    }

    /** A call's body: its response, or the Status that refuses it. */
    private interface Call {
        Object run();
    }

    /** Runs a call under the coordinator's lock; a returned Status refuses it, as labgrid's context.abort does. */
    @SuppressWarnings("unchecked")
    private <O> void answer(StreamObserver<O> out, Call call) {
        Object result;
        try {
            synchronized (this) {
                result = call.run();
                schedule();
            }
        } catch (io.grpc.StatusRuntimeException e) {
            out.onError(e);
            return;
        }
        if (result instanceof Status status) {
            out.onError(status.asRuntimeException());
        } else {
            out.onNext((O) result);
            out.onCompleted();
        }
    }

    private Object acquire(String name, String identity) {
        StandInPlace place = places.get(name);
        if (place == null) {
            return Status.INVALID_ARGUMENT.withDescription("Place " + name + " does not exist");
        }
        if (place.acquired != null) {
            return Status.FAILED_PRECONDITION.withDescription("Place " + name + " is already acquired");
        }
        if (place.reservation != null && !reservations.get(place.reservation).owner.equals(identity)) {
            return Status.PERMISSION_DENIED.withDescription("Place " + name + " was not reserved for " + identity);
        }
        place.acquired = identity;
        if (place.console.isPresent()) {
            try {
                int port = place.console.get().start();
                setConsolePort(place, port);
            } catch (Exception e) {
                place.acquired = null;
                return Status.FAILED_PRECONDITION.withDescription("Failed to acquire resources for place " + name);
            }
        }
        acquiredMark(place, name);
        publish(place);
        schedule();
        return AcquirePlaceResponse.getDefaultInstance();
    }

    private Object release(String name, Optional<String> fromUser) {
        StandInPlace place = places.get(name);
        if (place == null) {
            return Status.INVALID_ARGUMENT.withDescription("Place " + name + " does not exist");
        }
        if (place.acquired == null) {
            return fromUser.isPresent() ? ReleasePlaceResponse.getDefaultInstance()
                    : Status.FAILED_PRECONDITION.withDescription("Place " + name + " is not acquired");
        }
        if (fromUser.isPresent() && !fromUser.get().equals(place.acquired)) {
            return ReleasePlaceResponse.getDefaultInstance();
        }
        if (place.console.isPresent()) {
            try {
                place.console.get().stop();
            } catch (Exception e) {
                // The exporter's console server is gone either way.
            }
            setConsolePort(place, null);
        }
        place.acquired = null;
        acquiredMark(place, "");
        publish(place);
        schedule();
        return ReleasePlaceResponse.getDefaultInstance();
    }

    private Object reserve(String owner, Map<String, String> filter) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            token.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(random.nextInt(36)));
        }
        StandInReservation reservation = new StandInReservation(owner, token.toString(), Map.copyOf(filter));
        reservations.put(reservation.token, reservation);
        tokensIssued.add(reservation.token);
        schedule();
        return CreateReservationResponse.newBuilder().setReservation(reservation.message()).build();
    }

    private Object poll(String token) {
        StandInReservation reservation = reservations.get(token);
        if (reservation == null) {
            return Status.FAILED_PRECONDITION.withDescription("Reservation " + token + " does not exist");
        }
        reservation.expires = Math.max(reservation.expires, System.nanoTime() + RESERVATION_LIFETIME_NANOS);
        return PollReservationResponse.newBuilder().setReservation(reservation.message()).build();
    }

    private Object cancel(String token) {
        if (reservations.remove(token) == null) {
            return Status.FAILED_PRECONDITION.withDescription("Reservation " + token + " does not exist");
        }
        schedule();
        return CancelReservationResponse.getDefaultInstance();
    }

    /** labgrid's scheduler, reduced to one filter group: expire, track acquisitions, allocate free places in order. */
    private void schedule() {
        long now = System.nanoTime();
        reservations.values().removeIf(r -> r.state == EXPIRED && r.expires < now);
        for (StandInReservation reservation : reservations.values()) {
            if (reservation.state != ACQUIRED && reservation.expires < now) {
                reservation.state = EXPIRED;
                reservation.allocation = null;
                reservation.expires = now + RESERVATION_LIFETIME_NANOS;
            }
            if (reservation.allocation != null) {
                boolean acquired = places.get(reservation.allocation).acquired != null;
                reservation.state = acquired ? ACQUIRED : ALLOCATED;
            }
        }
        for (StandInReservation reservation : reservations.values()) {
            if (reservation.state != WAITING) {
                continue;
            }
            for (StandInPlace place : places.values()) {
                boolean taken = reservations.values().stream().anyMatch(r -> place.name.equals(r.allocation));
                if (place.acquired == null && !taken && fits(reservation.filter, place)) {
                    reservation.allocation = place.name;
                    reservation.state = ALLOCATED;
                    break;
                }
            }
        }
        for (StandInPlace place : places.values()) {
            String token = reservations.values().stream().filter(r -> place.name.equals(r.allocation))
                    .map(r -> r.token).findFirst().orElse(null);
            if (!java.util.Objects.equals(token, place.reservation)) {
                place.reservation = token;
                publish(place);
            }
        }
    }

    private static boolean fits(Map<String, String> filter, StandInPlace place) {
        return filter.entrySet().stream().allMatch(e -> e.getKey().equals("name") ? e.getValue().equals(place.name)
                : e.getValue().equals(place.tags.get(e.getKey())));
    }

    private void setConsolePort(StandInPlace place, Integer port) {
        Resource console = place.resources.get("NetworkSerialPort");
        if (console != null) {
            Object value = port == null ? null : (long) port;
            place.resources.put("NetworkSerialPort", console.toBuilder().putParams("port", StandInPlace.mapValue(value)).build());
        }
    }

    private void acquiredMark(StandInPlace place, String value) {
        place.resources.replaceAll((cls, resource) -> resource.toBuilder().setAcquired(value).build());
    }

    private void publish(StandInPlace place) {
        ClientOutMessage.Builder message = ClientOutMessage.newBuilder()
                .addUpdates(UpdateResponse.newBuilder().setPlace(place.message()));
        place.resources.values().forEach(r -> message.addUpdates(UpdateResponse.newBuilder().setResource(r)));
        ClientOutMessage built = message.build();
        sessions.values().forEach(session -> send(session.out(), built));
    }

    private static void send(StreamObserver<ClientOutMessage> out, ClientOutMessage message) {
        try {
            out.onNext(message);
        } catch (RuntimeException e) {
            // The client went away; its session is removed when its stream ends.
        }
    }

    /** Ties each call to its connection, as the coordinator's {@code context.peer()} does. */
    private static final class PeerInterceptor implements ServerInterceptor {
        @Override
        public <I, O> ServerCall.Listener<I> interceptCall(ServerCall<I, O> call, Metadata headers,
                ServerCallHandler<I, O> next) {
            String peer = String.valueOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            return Contexts.interceptCall(Context.current().withValue(PEER, peer), call, headers, next);
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            for (StandInPlace place : places.values()) {
                if (place.acquired != null && place.console.isPresent()) {
                    try {
                        place.console.get().stop();
                    } catch (Exception e) {
                        // Stopping a console server that is gone already.
                    }
                }
            }
        }
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }
}
