# A small multi-stage build: a Debian stage makes and packs some files, a busybox stage checks
# the archive, and the final busybox image takes the results of both.
FROM localhost/bench-debian AS build
ARG COUNT=200
RUN mkdir -p /out/etc /out/share \
 && i=0; while [ $i -lt $COUNT ]; do echo "item $i" > /out/share/item-$i; i=$((i+1)); done \
 && printf 'name=bench\nversion=1\n' > /out/etc/app.conf \
 && tar -czf /out.tgz -C /out .

FROM localhost/bench-busybox AS check
COPY --from=build /out.tgz /tmp/out.tgz
RUN tar -tzf /tmp/out.tgz | wc -l > /tmp/count

FROM localhost/bench-busybox
COPY --from=build /out /app
COPY --from=check /tmp/count /app/count
WORKDIR /app
ENV APP_HOME=/app
LABEL org.example.bench=multistage
CMD ["cat", "/app/etc/app.conf"]
