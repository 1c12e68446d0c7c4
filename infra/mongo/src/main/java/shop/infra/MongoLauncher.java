package shop.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts mongo-java-server on a port with an in-memory backend (tests) or an H2 file backend
 * (local runs, so data survives restarts). Prints "READY <port>" once it accepts connections,
 * so the Node scripts that spawn it know when to go on, and shuts down cleanly on SIGTERM.
 *
 * Usage: java -jar mongo-launcher.jar --port 27017 --backend memory|h2 [--file data/mongo.mv]
 */
public final class MongoLauncher {
  public static void main(String[] args) throws Exception {
    int port = 27017;
    String host = "127.0.0.1";
    String backendName = "memory";
    String file = "data/mongo.mv";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--host" -> host = args[i + 1];
        case "--backend" -> backendName = args[i + 1];
        case "--file" -> file = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    MongoBackend backend;
    if (backendName.equals("h2")) {
      Path path = Path.of(file).toAbsolutePath();
      Files.createDirectories(path.getParent());
      backend = new H2Backend(path.toString());
    } else if (backendName.equals("memory")) {
      backend = new MemoryBackend();
    } else {
      throw new IllegalArgumentException("backend must be memory or h2, got " + backendName);
    }
    MongoServer server = new MongoServer(backend);
    server.bind(host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    System.out.println("READY " + port);
    System.out.flush();
    Thread.currentThread().join();
  }
}
