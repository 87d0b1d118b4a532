package io.aftercare.followup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the follow-up module.
 *
 * @param sendTimeout how long a send may stay in progress before it counts as interrupted
 * (the app stopped between claiming and recording it) and is settled
 * @param settleEvery how often interrupted sends are looked for
 */
@ConfigurationProperties("aftercare.followup")
record FollowUpSettings(@DefaultValue("PT2M") Duration sendTimeout, @DefaultValue("PT1M") Duration settleEvery) {

}
