# One heavy RUN: a shell loop writing a few thousand files and compressing a few megabytes.
FROM localhost/bench-debian
RUN mkdir -p /data/files \
 && i=0; while [ $i -lt 3000 ]; do seq $i $((i + 50)) > /data/files/f$i; i=$((i+1)); done \
 && seq 1 1500000 > /data/numbers \
 && gzip -6 -k /data/numbers \
 && tar -cf /data/files.tar -C /data files
RUN ls /data/files | wc -l > /data/count
CMD ["cat", "/data/count"]
