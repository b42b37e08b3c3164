# The image of each of the four services: its Quarkus fast-jar (target/quarkus-app/) on a Java 17 JRE, run as a
# non-root user. The build context is the service's module directory; the build arguments give the variable its
# application.properties reads the HTTP port from, and that port's default. From the repository root, after
# `./mvnw -B install -DskipTests`:
#   docker build -f deploy/docker/service.Dockerfile --build-arg HTTP_PORT_VARIABLE=KTX_PLANNER_PORT \
#     --build-arg HTTP_PORT=8080 -t ktx/planner-service planner-service
# (docs/operations.md lists the four; docker-compose.yml passes the same arguments.)
FROM eclipse-temurin:17-jre

ARG HTTP_PORT_VARIABLE
ARG HTTP_PORT

# /repos: where the shared volume of context repositories is mounted, /var/cache/ktx/repos: the service's cache of
# mirrors of remote context repositories (compose profile `git`); both owned by ktx so that a fresh named volume
# (which takes the mount point's owner) is writable by the service.
RUN : "${HTTP_PORT_VARIABLE:?set --build-arg HTTP_PORT_VARIABLE, e.g. KTX_PLANNER_PORT}" \
 && : "${HTTP_PORT:?set --build-arg HTTP_PORT, e.g. 8080}" \
 && groupadd --gid 10001 ktx \
 && useradd --uid 10001 --gid ktx --create-home --shell /usr/sbin/nologin ktx \
 && mkdir /repos && chown ktx:ktx /repos \
 && mkdir -p /var/cache/ktx/repos && chown ktx:ktx /var/cache/ktx/repos

WORKDIR /deployments
COPY target/quarkus-app/lib/ lib/
COPY target/quarkus-app/*.jar ./
COPY target/quarkus-app/app/ app/
COPY target/quarkus-app/quarkus/ quarkus/

USER ktx
# e.g. KTX_PLANNER_PORT=8080; KTX_HTTP_PORT_VARIABLE names it for the health check, which reads the port at run time
# (a container that sets another port is checked on that one).
ENV ${HTTP_PORT_VARIABLE}=${HTTP_PORT} KTX_HTTP_PORT_VARIABLE=${HTTP_PORT_VARIABLE}
EXPOSE ${HTTP_PORT}
# curl ships with the eclipse-temurin images
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=6 \
  CMD curl -fsS "http://localhost:$(printenv "$KTX_HTTP_PORT_VARIABLE")/q/health/ready" > /dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "quarkus-run.jar"]
