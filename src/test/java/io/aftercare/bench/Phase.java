package io.aftercare.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One bounded stretch of load: at most {@code requests} requests and at most
 * {@code limit} of time, from {@code threads} clients that each send their next request
 * as soon as the previous one is answered (a closed loop).
 *
 * @param name short name, as in the tables
 * @param what the request, as in the tables
 * @param threads client threads
 * @param requests the most requests sent
 * @param limit the longest the phase runs
 * @param expected the statuses that are not errors
 * @param source makes each next request
 */
record Phase(String name, String what, int threads, int requests, Duration limit, Set<Integer> expected,
		RequestSource source) {

	static final Set<Integer> OK = Set.of(200);

	/** Makes the next request of a client, from that client's own random generator. */
	@FunctionalInterface
	interface RequestSource {

		HttpRequest next(SplittableRandom random);

		/** Each request from one of the sources, chosen at random. */
		static RequestSource mixed(List<RequestSource> sources) {
			return (random) -> sources.get(random.nextInt(sources.size())).next(random);
		}

	}

}
