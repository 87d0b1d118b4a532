package io.aftercare.reply;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code aftercare.replies.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplySettings.class)
class ReplyConfiguration {

}
