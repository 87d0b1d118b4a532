package io.aftercare.reminder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fireEvery how often reminders that fell due are looked for and announced
 * ({@code aftercare.reminder.fire-every})
 */
@ConfigurationProperties("aftercare.reminder")
record ReminderSettings(@DefaultValue("30s") Duration fireEvery) {

}
