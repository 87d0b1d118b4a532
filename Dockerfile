# Aftercare's container image: a plain Dockerfile (Spring Boot's build-image needs a Docker daemon
# at build time; this needs only `docker build`). Not built on the development machines, which
# have a Docker client but no daemon; its runtime stage was run there step by step instead: see
# README, "Container image".

# --- Build: the executable jar, then Spring Boot's extracted layout (faster start than java -jar).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline -DskipTests
COPY src src
COPY .ci .ci
RUN mvn -B -ntp -q -DskipTests package \
 && java -Djarmode=tools -jar target/aftercare-*.jar extract --destination /app

# --- Run: a JRE, a non-root user, and a class-data-sharing archive made by a training run.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app aftercare
WORKDIR /app
COPY --from=build /app /app
# Training run: starts the context on a throwaway embedded database and exits once it is
# refreshed, recording the classes it loaded into application.jsa (Spring Boot's documented CDS
# recipe). Every start then maps them instead of loading them again.
RUN java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh \
        -Daftercare.data-dir=/tmp/training -Daftercare.demo.load=never -jar aftercare-*.jar \
 && rm -rf /tmp/training \
 && mkdir -p /data && chown -R aftercare /data /app
USER aftercare
ENV AFTERCARE_DATA_DIR=/data \
    AFTERCARE_DEMO_LOAD=never \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:SharedArchiveFile=/app/application.jsa"
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=30s --timeout=3s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["sh", "-c", "exec java -jar /app/aftercare-*.jar"]
