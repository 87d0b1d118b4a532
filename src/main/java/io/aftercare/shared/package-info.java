/**
 * Small values and failure types every module may use: source keys of records that came
 * from another system, the guards of text and times that arrive from outside
 * ({@link io.aftercare.shared.Text}, {@link io.aftercare.shared.TimeRange}), and the
 * domain refusals that the web edge ({@code shared.web}) turns into RFC 9457 problem
 * details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.aftercare.shared;
