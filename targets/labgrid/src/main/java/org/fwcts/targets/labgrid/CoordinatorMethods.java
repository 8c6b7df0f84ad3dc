package org.fwcts.targets.labgrid;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import org.fwcts.targets.labgrid.wire.AcquirePlaceRequest;
import org.fwcts.targets.labgrid.wire.AcquirePlaceResponse;
import org.fwcts.targets.labgrid.wire.CancelReservationRequest;
import org.fwcts.targets.labgrid.wire.CancelReservationResponse;
import org.fwcts.targets.labgrid.wire.ClientInMessage;
import org.fwcts.targets.labgrid.wire.ClientOutMessage;
import org.fwcts.targets.labgrid.wire.CreateReservationRequest;
import org.fwcts.targets.labgrid.wire.CreateReservationResponse;
import org.fwcts.targets.labgrid.wire.GetReservationsRequest;
import org.fwcts.targets.labgrid.wire.GetReservationsResponse;
import org.fwcts.targets.labgrid.wire.PollReservationRequest;
import org.fwcts.targets.labgrid.wire.PollReservationResponse;
import org.fwcts.targets.labgrid.wire.ReleasePlaceRequest;
import org.fwcts.targets.labgrid.wire.ReleasePlaceResponse;

/**
 * The methods of labgrid's {@code labgrid.Coordinator} service that FWCTS calls, described by
 * hand (no generated stubs): the full method names and the protobuf marshallers of their
 * messages. A coordinator stand-in serves the same descriptors.
 */
public final class CoordinatorMethods {
    public static final String SERVICE = "labgrid.Coordinator";

    /** The client's session: updates of places and resources flow back on it. */
    public static final MethodDescriptor<ClientInMessage, ClientOutMessage> CLIENT_STREAM = method(
            MethodDescriptor.MethodType.BIDI_STREAMING, "ClientStream", ClientInMessage.getDefaultInstance(),
            ClientOutMessage.getDefaultInstance());
    public static final MethodDescriptor<AcquirePlaceRequest, AcquirePlaceResponse> ACQUIRE_PLACE = unary(
            "AcquirePlace", AcquirePlaceRequest.getDefaultInstance(), AcquirePlaceResponse.getDefaultInstance());
    public static final MethodDescriptor<ReleasePlaceRequest, ReleasePlaceResponse> RELEASE_PLACE = unary(
            "ReleasePlace", ReleasePlaceRequest.getDefaultInstance(), ReleasePlaceResponse.getDefaultInstance());
    public static final MethodDescriptor<CreateReservationRequest, CreateReservationResponse> CREATE_RESERVATION = unary(
            "CreateReservation", CreateReservationRequest.getDefaultInstance(),
            CreateReservationResponse.getDefaultInstance());
    public static final MethodDescriptor<PollReservationRequest, PollReservationResponse> POLL_RESERVATION = unary(
            "PollReservation", PollReservationRequest.getDefaultInstance(), PollReservationResponse.getDefaultInstance());
    public static final MethodDescriptor<CancelReservationRequest, CancelReservationResponse> CANCEL_RESERVATION = unary(
            "CancelReservation", CancelReservationRequest.getDefaultInstance(),
            CancelReservationResponse.getDefaultInstance());
    public static final MethodDescriptor<GetReservationsRequest, GetReservationsResponse> GET_RESERVATIONS = unary(
            "GetReservations", GetReservationsRequest.getDefaultInstance(), GetReservationsResponse.getDefaultInstance());

    private CoordinatorMethods() {
    }

    private static <I extends Message, O extends Message> MethodDescriptor<I, O> unary(String name, I request, O response) {
        return method(MethodDescriptor.MethodType.UNARY, name, request, response);
    }

    private static <I extends Message, O extends Message> MethodDescriptor<I, O> method(MethodDescriptor.MethodType type,
            String name, I request, O response) {
        return MethodDescriptor.<I, O>newBuilder().setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response)).build();
    }
}
