package io.libactors.spring.boot.autoconfigure.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.libactors.ActorInfo;
import io.libactors.Core;
import io.libactors.spring.boot.autoconfigure.endpoint.ClusterSection;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The {@code actorsdashboard} endpoint: a page that draws the actors live, its scripts and
 * styles (the charts are uPlot's, served from this jar), and {@code data}, the numbers it polls.
 * Off unless the application grants it access and exposes it; read-only; shows names, types and
 * counts, never message contents. Thread-safe.
 */
@WebEndpoint(id = "actorsdashboard", defaultAccess = Access.NONE)
public class ActorsDashboardEndpoint {

	private static final String ASSETS = "META-INF/libactors/dashboard/";

	private static final MimeType HTML = MimeType.valueOf("text/html;charset=UTF-8");

	private static final MimeType SCRIPT = MimeType.valueOf("text/javascript;charset=UTF-8");

	private static final MimeType STYLE = MimeType.valueOf("text/css;charset=UTF-8");

	/** What the page may load besides itself, and what each is. */
	private static final Map<String, MimeType> PARTS = Map.of("dashboard.js", SCRIPT, "dashboard.css", STYLE,
			"uPlot.iife.min.js", SCRIPT, "uPlot.min.css", STYLE);

	/** Rows of the busiest actors shown. */
	static final int BUSIEST = 10;

	private final Core core;

	private final DashboardHistory history;

	private final Duration stuckThreshold;

	private final @Nullable ClusterSection cluster;

	public ActorsDashboardEndpoint(Core core, DashboardHistory history, Duration stuckThreshold,
			@Nullable ClusterSection cluster) {
		this.core = core;
		this.history = history;
		this.stuckThreshold = stuckThreshold;
		this.cluster = cluster;
	}

	/** {@code GET /actuator/actorsdashboard}: the page. */
	@ReadOperation(produces = "text/html")
	public WebEndpointResponse<Resource> page() {
		return new WebEndpointResponse<>(new ClassPathResource(ASSETS + "index.html"), WebEndpointResponse.STATUS_OK,
				HTML);
	}

	/**
	 * {@code GET /actuator/actorsdashboard/{part}}: {@code data} (JSON), or one of the page's
	 * scripts and styles; 404 for anything else.
	 */
	@ReadOperation(produces = { "application/json", "text/javascript", "text/css" })
	public WebEndpointResponse<?> part(@Selector String part) {
		if (part.equals("data")) {
			return new WebEndpointResponse<>(data(), WebEndpointResponse.STATUS_OK, MimeTypeUtils.APPLICATION_JSON);
		}
		MimeType type = PARTS.get(part);
		if (type == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		String folder = part.startsWith("uPlot") ? "uplot/" : "";
		return new WebEndpointResponse<>(new ClassPathResource(ASSETS + folder + part), WebEndpointResponse.STATUS_OK,
				type);
	}

	/** The numbers the page draws. */
	Map<String, Object> data() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("history", this.history.points());
		List<Map<String, Object>> busiest = new ArrayList<>();
		for (ActorInfo actor : this.core.busiest(BUSIEST)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", actor.name());
			row.put("type", actor.type());
			row.put("state", actor.state());
			row.put("mailboxDepth", actor.mailboxDepth());
			row.put("processed", actor.processed());
			row.put("failed", actor.failed());
			busiest.add(row);
		}
		data.put("busiest", busiest);
		data.put("total", this.core.actorCount());
		data.put("deadLetters", this.core.deadLetterCount());
		List<Map<String, Object>> stuck = new ArrayList<>();
		this.core.longRunning(this.stuckThreshold)
			.forEach((name, running) -> stuck.add(Map.of("name", name, "seconds", running.toMillis() / 1000.0)));
		data.put("stuck", stuck);
		if (this.cluster != null) {
			data.put("cluster", this.cluster.describe());
		}
		return data;
	}

}
