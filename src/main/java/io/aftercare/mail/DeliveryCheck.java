package io.aftercare.mail;

/**
 * What a transport can say about an earlier delivery of a Message-ID.
 */
public enum DeliveryCheck {

	/** It was handed over: recording it as sent is right, sending again is not. */
	DELIVERED,

	/** It certainly was not handed over: sending it is safe. */
	NOT_DELIVERED,

	/** The transport cannot see: someone must check the Sent folder before resending. */
	UNKNOWN

}
