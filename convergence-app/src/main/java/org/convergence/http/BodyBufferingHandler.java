package org.convergence.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Receives each request's whole body before the routes see it, without holding a thread while it arrives, so that
 * clients that send slowly hold no request thread: Jetty calls back as bytes come, and the routes then read the
 * body from memory. A body not complete within the deadline is answered 408 and its connection closed; the bodies
 * being received at once are bounded in bytes (by their declared length), beyond which a request is answered 429.
 *
 * <p>Why not Jetty's minimum data rate: it is measured from the start of the request, so a small body read late on
 * a busy machine is refused, and it still holds a thread per slow client until then. A body declared larger than
 * the largest taken passes through unread, so that its route refuses it with its own explanation.
 * Thread-safe.
 */
final class BodyBufferingHandler extends Handler.Wrapper {
    private final Duration deadline;
    private final long largestBody;
    private final long budget;
    private final AtomicLong reserved = new AtomicLong();

    /**
     * @param deadline the time a body has to arrive in, from the request's headers
     * @param largestBody the largest body any route takes
     * @param budget the bytes of bodies received at once
     */
    BodyBufferingHandler(Duration deadline, long largestBody, long budget) {
        this.deadline = deadline;
        this.largestBody = largestBody;
        this.budget = budget;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if ((declared <= 0 && !chunked) || declared > largestBody) {
            return super.handle(request, response, callback);
        }
        long size = declared > 0 ? declared : largestBody;
        if (!reserve(size)) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, ServerLimits.RETRY_AFTER.toSeconds());
            answer(response, callback, 429, "the server is receiving as many request bodies as it holds at once: send again in a few seconds");
            return true;
        }
        Callback releasing = Callback.from(callback, () -> reserved.addAndGet(-size));
        new Reception(request, response, releasing, size).start();
        return true;
    }

    private boolean reserve(long size) {
        long now;
        do {
            now = reserved.get();
            if (now + size > budget && now > 0) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + size));
        return true;
    }

    /** Answers a refusal as the API answers every error: JSON {@code {"status": ..., "detail": "..."}}. */
    static void answer(Response response, Callback callback, int status, String detail) {
        byte[] body = JsonNodeFactory.instance.objectNode().put("status", status).put("detail", detail).toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** One body being received: read as it comes, until its last byte, the deadline or the size limit. */
    private final class Reception {
        private enum State { RECEIVING, COMPLETE, REFUSED }

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long limit;
        private final ByteArrayOutputStream body;
        private final AtomicReference<State> state = new AtomicReference<>(State.RECEIVING);
        private volatile Scheduler.Task timer;

        Reception(Request request, Response response, Callback callback, long limit) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.limit = limit;
            this.body = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
        }

        void start() {
            timer = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
            receive();
        }

        private void receive() {
            while (state.get() == State.RECEIVING) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::receive);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // The client went, or sent a malformed body: nothing to answer on this connection.
                    if (state.compareAndSet(State.RECEIVING, State.REFUSED)) {
                        timer.cancel();
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                boolean tooLarge = body.size() + bytes.remaining() > limit;
                if (!tooLarge) {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    body.writeBytes(copy);
                }
                chunk.release();
                if (tooLarge) {
                    refuse(413, "the request body is larger than it said or than any endpoint takes (%d bytes): send less".formatted(limit));
                    return;
                }
                if (chunk.isLast()) {
                    if (state.compareAndSet(State.RECEIVING, State.COMPLETE)) {
                        timer.cancel();
                        pass();
                    }
                    return;
                }
            }
        }

        private void expire() {
            refuse(408, "the request body did not arrive within %d seconds: send it at once, or send less".formatted(deadline.toSeconds()));
        }

        private void refuse(int status, String detail) {
            if (state.compareAndSet(State.RECEIVING, State.REFUSED)) {
                timer.cancel();
                // The rest of the body is not read: the connection cannot carry another request.
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                answer(response, callback, status, detail);
            }
        }

        private void pass() {
            Request received = new ReceivedRequest(request, body.toByteArray());
            try {
                if (!BodyBufferingHandler.super.handle(received, response, callback)) {
                    Response.writeError(received, response, callback, 404);
                }
            } catch (Throwable e) {
                Response.writeError(received, response, callback, e);
            }
        }
    }

    /** The request with its body already received, read from memory. */
    private static final class ReceivedRequest extends Request.Wrapper {
        private final Content.Source body;
        private final long length;

        ReceivedRequest(Request request, byte[] body) {
            super(request);
            this.body = Content.Source.from(ByteBuffer.wrap(body));
            this.length = body.length;
        }

        @Override
        public long getLength() {
            return length;
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }
    }
}
