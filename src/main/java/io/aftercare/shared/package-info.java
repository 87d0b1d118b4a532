/**
 * Small values and failure types every module may use: source keys of records that came
 * from another system, and the domain refusals that the web edge turns into RFC 9457
 * problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.aftercare.shared;
