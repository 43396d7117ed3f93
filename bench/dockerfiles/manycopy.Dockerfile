# Many COPY steps: 30 small files in five directories of the context, copied by 20 COPYs.
FROM localhost/bench-busybox
COPY d0/ /app/d0/
COPY d1/ /app/d1/
COPY d2/ /app/d2/
COPY d3/ /app/d3/
COPY d4/ /app/d4/
COPY d0/file0.txt /app/single/d0-file0.txt
COPY d1/file0.txt /app/single/d1-file0.txt
COPY d2/file0.txt /app/single/d2-file0.txt
COPY d3/file0.txt /app/single/d3-file0.txt
COPY d4/file0.txt /app/single/d4-file0.txt
COPY d0/file1.txt /app/single/d0-file1.txt
COPY d1/file1.txt /app/single/d1-file1.txt
COPY d2/file1.txt /app/single/d2-file1.txt
COPY d3/file1.txt /app/single/d3-file1.txt
COPY d4/file1.txt /app/single/d4-file1.txt
COPY d0/file2.txt /app/single/d0-file2.txt
COPY d1/file2.txt /app/single/d1-file2.txt
COPY d2/file2.txt /app/single/d2-file2.txt
COPY d3/file2.txt /app/single/d3-file2.txt
COPY d4/file2.txt /app/single/d4-file2.txt
CMD ["ls", "-R", "/app"]
