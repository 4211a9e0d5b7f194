package org.convergence.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.convergence.exposure.ExposureCheck;
import org.convergence.graph.BackgroundExposureGraph;
import org.convergence.http.Access;
import org.convergence.http.RequestPolicy;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.Screener;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.audit.AuditedScreener;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;

/**
 * The API's routes, each with the {@link Access} it asks: reading ({@code /search}, {@code /entities}, paths) for a
 * viewer; screening ({@code /match}, {@code /exposure}, reconciliation), which writes the audit trail, for an analyst;
 * {@code /healthz} for anyone, so that a monitor needs no key.
 */
public final class Api {
    /** The path a monitor polls; not counted among the requests worked on, so that a busy server shows as up. */
    public static final String HEALTH_PATH = "/healthz";

    private Api() {}

    /** Adds the API's routes to a server being configured, over the screener, its audited twin, the store and the exposure graph. */
    public static void addTo(JavalinConfig config, Screener screener, AuditedScreener audited, StatementStore store, ConvergenceModel model,
            BackgroundExposureGraph graph) {
        Screening screening = new Screening(screener, audited);
        MatchResource match = new MatchResource(screening, model);
        EntityResource entities = new EntityResource(screener, store);
        PathsResource paths = new PathsResource(graph);
        ExposureResource exposure = new ExposureResource(screening, new ExposureCheck(screener, audited,
                () -> graph.current(PathsResource.GRAPH_WAIT), model));
        ReconcileResource reconcile = new ReconcileResource(screening, model, entities);
        String openApi = resource("openapi.json");
        config.routes.post("/match/{scope}", RequestPolicy.json(match::match), Access.ANALYST);
        config.routes.get("/search/{scope}", match::search, Access.VIEWER);
        config.routes.get("/entities/{id}", entities::entity, Access.VIEWER);
        config.routes.get("/entities/{id}/paths", paths::paths, Access.VIEWER);
        config.routes.post("/exposure/{scope}", RequestPolicy.json(exposure::exposure), Access.ANALYST);
        config.routes.get("/reconcile/{scope}", reconcile::get, Access.ANALYST);
        config.routes.post("/reconcile/{scope}", reconcile::post, Access.ANALYST);
        config.routes.get("/reconcile/{scope}/suggest/entity", reconcile::suggestEntity, Access.ANALYST);
        config.routes.get("/reconcile/{scope}/suggest/type", reconcile::suggestType, Access.ANALYST);
        config.routes.get("/reconcile/{scope}/suggest/property", reconcile::suggestProperty, Access.ANALYST);
        config.routes.get("/reconcile/{scope}/preview", reconcile::preview, Access.ANALYST);
        config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi), Access.VIEWER);
        config.routes.get(HEALTH_PATH, ctx -> ctx.json(health(screener.current())), Access.PUBLIC);
    }

    private static ObjectNode health(ScreeningIndex index) {
        ObjectNode health = JsonNodeFactory.instance.objectNode().put("status", "ok").put("entities", index.size());
        ArrayNode datasets = health.putArray("datasets");
        for (DatasetVersion version : index.versions()) {
            datasets.addObject().put("name", version.dataset()).put("version", version.version()).put("entities", version.entityCount());
        }
        return health;
    }

    private static String resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is part of the build and missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
