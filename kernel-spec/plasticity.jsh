// Plasticity default imports: JShell start-up file and the kernel's RJK_INIT_SCRIPT.
// Keep in sync with org.plasticity.notebook.DefaultImports (a unit test checks it).
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import org.plasticity.baseline.*;
import org.plasticity.data.*;
import org.plasticity.display.*;
import org.plasticity.experiment.*;
import org.plasticity.ep.*;
import org.plasticity.ep.model.*;
import org.plasticity.ep.estimator.*;
import org.plasticity.ep.bptt.*;
import org.plasticity.ep.diagnostics.*;
import org.plasticity.ep.recipes.*;
import org.plasticity.localca.*;
import org.plasticity.localca.model.*;
import org.plasticity.localca.rules.*;
import org.plasticity.localca.fidelity.*;
import org.plasticity.localca.experiments.*;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.notebook.*;
import org.plasticity.plot.*;
import org.plasticity.results.*;
import org.plasticity.train.*;
import org.plasticity.train.optim.*;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
import static org.plasticity.notebook.Show.show;
